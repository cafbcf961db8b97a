/**
 * Shell completion scripts, made from the program's own command tree (commander): every
 * command, subcommand and option of this version, the options that take a value, and their
 * choices where the program declares them. A new command or option needs no edit here.
 *
 * The scripts are data plus one small walker each: the words typed so far are read left to
 * right, options skipped (with their value when they take one), and each word that names a
 * subcommand of the path so far extends the path. Then the word under the cursor completes as
 * an option of that path (or a global one), a value of the option before it (its choices, else
 * a file name), or a subcommand.
 */
import type { Command } from 'commander';

export const SHELLS = ['bash', 'zsh', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];

export interface CompletionOption {
  /** `--format`, and `-V` when it has a short form. */
  names: string[];
  takesValue: boolean;
  /** The values it accepts, when the program lists them. */
  choices: string[];
}

export interface CompletionNode {
  /** `report monthly`; '' for the program itself. */
  path: string;
  subcommands: string[];
  options: CompletionOption[];
  /** The choices of its first argument (`completion <shell>`), offered like subcommands. */
  argumentChoices: string[];
}

const HELP: CompletionOption = { names: ['--help', '-h'], takesValue: false, choices: [] };

/** Every command of the program, depth first, the program itself first. */
export function commandTree(program: Command): CompletionNode[] {
  const nodes: CompletionNode[] = [];
  const walk = (cmd: Command, path: string[]): void => {
    nodes.push({
      path: path.join(' '),
      subcommands: cmd.commands.map((c) => c.name()),
      options: [
        ...cmd.options
          .filter((o) => !o.hidden)
          .map((o) => ({
            names: [o.long, o.short].filter((n): n is string => typeof n === 'string'),
            takesValue: o.required || o.optional,
            choices: [...(o.argChoices ?? [])],
          })),
        HELP,
      ],
      argumentChoices: [...(cmd.registeredArguments[0]?.argChoices ?? [])],
    });
    for (const sub of cmd.commands) walk(sub, [...path, sub.name()]);
  };
  walk(program, []);
  return nodes;
}

export function completionScript(shell: Shell, nodes: readonly CompletionNode[], version: string): string {
  switch (shell) {
    case 'bash':
      return bashScript(nodes, version);
    case 'zsh':
      return zshScript(nodes, version);
    case 'powershell':
      return powershellScript(nodes, version);
  }
}

/** Command names, option names and choices are plain words; anything else is left out rather than quoted wrongly. */
const WORD = /^[A-Za-z0-9][A-Za-z0-9_.:+-]*$|^--?[A-Za-z0-9][A-Za-z0-9-]*$/;
const words = (list: readonly string[]): string[] => list.filter((w) => WORD.test(w));
const single = (text: string): string => `'${text}'`;

const candidates = (n: CompletionNode): string[] => words([...n.subcommands, ...n.argumentChoices]);
const optionNames = (n: CompletionNode): string[] => words(n.options.flatMap((o) => o.names));
const valueOptions = (n: CompletionNode): CompletionOption[] => n.options.filter((o) => o.takesValue);

/** The case statements bash and zsh share (both read this syntax alike). */
function shellFunctions(nodes: readonly CompletionNode[]): string {
  const caseOf = (name: string, arms: [pattern: string, body: string][], fallback: string): string =>
    [`${name}() {`, '  case "$1" in', ...arms.map(([p, body]) => `    ${p}) ${body} ;;`), `    *) ${fallback} ;;`, '  esac', '}'].join(
      '\n',
    );
  const subs = caseOf(
    '_parvande_subcommands',
    nodes.filter((n) => candidates(n).length > 0).map((n) => [single(n.path), `echo ${single(candidates(n).join(' '))}`]),
    'return 0',
  );
  const opts = caseOf(
    '_parvande_options',
    nodes.map((n) => [single(n.path), `echo ${single(optionNames(n).join(' '))}`]),
    'return 0',
  );
  // "$path|$option": the options of that command that take a value (and the program's, anywhere).
  const valued = nodes.flatMap((n) =>
    valueOptions(n).flatMap((o) => words(o.names).map((name) => (n.path === '' ? `*'|${name}'` : single(`${n.path}|${name}`)))),
  );
  const takes = caseOf('_parvande_takes_value', valued.length > 0 ? [[valued.join('|'), 'return 0']] : [], 'return 1');
  const choices = caseOf(
    '_parvande_choices',
    nodes.flatMap((n) =>
      valueOptions(n)
        .filter((o) => words(o.choices).length > 0)
        .map((o): [string, string] => [
          words(o.names)
            .map((name) => (n.path === '' ? `*'|${name}'` : single(`${n.path}|${name}`)))
            .join('|'),
          `echo ${single(words(o.choices).join(' '))}`,
        ]),
    ),
    'return 0',
  );
  return [subs, opts, takes, choices].join('\n\n');
}

function bashScript(nodes: readonly CompletionNode[], version: string): string {
  return `# parvande ${version}: completion for bash, made by "parvande completion bash".
# Install: add this line to ~/.bashrc (then open a new terminal):
#   eval "$(parvande completion bash)"
# or save it once: parvande completion bash > ~/.local/share/bash-completion/completions/parvande

${shellFunctions(nodes)}

_parvande() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" cmdpath="" word i
  for (( i = 1; i < COMP_CWORD; i++ )); do
    word="\${COMP_WORDS[i]}"
    if [[ "$word" == -* ]]; then
      if [[ "$word" != *=* ]] && _parvande_takes_value "$cmdpath|$word"; then (( i++ )); fi
      continue
    fi
    if [[ " $(_parvande_subcommands "$cmdpath") " == *" $word "* ]]; then cmdpath="\${cmdpath:+$cmdpath }$word"; fi
  done
  (( COMP_CWORD > 1 )) && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [[ "$prev" == -* && "$prev" != *=* ]] && _parvande_takes_value "$cmdpath|$prev"; then
    local values
    values="$(_parvande_choices "$cmdpath|$prev")"
    if [[ -n "$values" ]]; then COMPREPLY=( $(compgen -W "$values" -- "$cur") ); else COMPREPLY=( $(compgen -f -- "$cur") ); fi
    return 0
  fi
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$(_parvande_options "$cmdpath") $(_parvande_options '')" -- "$cur") )
  else
    COMPREPLY=( $(compgen -W "$(_parvande_subcommands "$cmdpath")" -- "$cur") )
  fi
  return 0
}

complete -o default -F _parvande parvande
`;
}

function zshScript(nodes: readonly CompletionNode[], version: string): string {
  return `#compdef parvande
# parvande ${version}: completion for zsh, made by "parvande completion zsh".
# Install: add this line to ~/.zshrc, after "compinit" (then open a new terminal):
#   source <(parvande completion zsh)
# or save it once as _parvande in a folder of $fpath: parvande completion zsh > "\${fpath[1]}/_parvande"

${shellFunctions(nodes)}

_parvande() {
  # (never "path": in zsh that is $PATH)
  local cur="\${words[CURRENT]}" prev="" cmdpath="" word i
  for (( i = 2; i < CURRENT; i++ )); do
    word="\${words[i]}"
    if [[ "$word" == -* ]]; then
      if [[ "$word" != *=* ]] && _parvande_takes_value "$cmdpath|$word"; then (( i++ )); fi
      continue
    fi
    if [[ " $(_parvande_subcommands "$cmdpath") " == *" $word "* ]]; then cmdpath="\${cmdpath:+$cmdpath }$word"; fi
  done
  (( CURRENT > 2 )) && prev="\${words[CURRENT-1]}"
  if [[ "$prev" == -* && "$prev" != *=* ]] && _parvande_takes_value "$cmdpath|$prev"; then
    local values
    values="$(_parvande_choices "$cmdpath|$prev")"
    if [[ -n "$values" ]]; then compadd -- \${=values}; else _files; fi
    return
  fi
  if [[ "$cur" == -* ]]; then
    local opts
    opts="$(_parvande_options "$cmdpath") $(_parvande_options '')"
    compadd -- \${=opts}
  else
    local subs
    subs="$(_parvande_subcommands "$cmdpath")"
    if [[ -n "$subs" ]]; then compadd -- \${=subs}; else _files; fi
  fi
}

if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then
  _parvande "$@"
else
  compdef _parvande parvande
fi
`;
}

function psList(list: readonly string[]): string {
  return `@(${list.map(single).join(', ')})`;
}

function powershellScript(nodes: readonly CompletionNode[], version: string): string {
  const table = (rows: [string, string[]][]): string =>
    rows
      .filter(([, list]) => list.length > 0)
      .map(([key, list]) => `        ${single(key)} = ${psList(list)}`)
      .join('\n');
  const subs = table(nodes.map((n) => [n.path, candidates(n)]));
  const opts = table(nodes.map((n) => [n.path, optionNames(n)]));
  const valued = table(nodes.map((n) => [n.path, words(valueOptions(n).flatMap((o) => o.names))]));
  const choices = table(
    nodes.flatMap((n) =>
      valueOptions(n).flatMap((o) => words(o.names).map((name): [string, string[]] => [`${n.path}|${name}`, words(o.choices)])),
    ),
  );
  return `# parvande ${version}: completion for PowerShell, made by "parvande completion powershell".
# Install: add this line to your profile (notepad $PROFILE), then open a new PowerShell window:
#   parvande completion powershell | Out-String | Invoke-Expression

Register-ArgumentCompleter -Native -CommandName @('parvande', 'parvande.cmd', 'parvande.ps1') -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $subcommands = @{
${subs}
    }
    $options = @{
${opts}
    }
    $valueOptions = @{
${valued}
    }
    $choices = @{
${choices}
    }
    $takesValue = {
        param($cmdPath, $word)
        ($valueOptions[$cmdPath] -contains $word) -or ($valueOptions[''] -contains $word)
    }
    # The words before the cursor, without the one being completed.
    $typed = @($commandAst.CommandElements | Where-Object { $_.Extent.EndOffset -le $cursorPosition } | ForEach-Object { $_.ToString() })
    if ($wordToComplete -ne '' -and $typed.Count -gt 0) { $typed = @($typed | Select-Object -First ($typed.Count - 1)) }
    $cmdPath = ''
    for ($i = 1; $i -lt $typed.Count; $i++) {
        $word = $typed[$i]
        if ($word.StartsWith('-')) {
            if (-not $word.Contains('=') -and (& $takesValue $cmdPath $word)) { $i++ }
            continue
        }
        if ($subcommands[$cmdPath] -contains $word) { $cmdPath = "$cmdPath $word".Trim() }
    }
    $prev = if ($typed.Count -gt 1) { $typed[$typed.Count - 1] } else { '' }
    if ($prev.StartsWith('-') -and -not $prev.Contains('=') -and (& $takesValue $cmdPath $prev)) {
        $values = $choices["$cmdPath|$prev"]
        if ($null -eq $values) { $values = $choices["|$prev"] }
        if ($null -eq $values) { return }  # a file name: PowerShell completes paths itself
    } elseif ($wordToComplete.StartsWith('-')) {
        $values = @($options[$cmdPath]) + @($options[''])
    } else {
        $values = $subcommands[$cmdPath]
    }
    @($values) | Where-Object { $_ -and $_ -like "$wordToComplete*" } | Sort-Object -Unique | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }
}
`;
}
