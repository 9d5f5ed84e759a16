
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'hookcli' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'hookcli'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'hookcli' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign one event and print the request (headers and exact body)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a captured request''s signature and explain why it fails')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Deliver signed events to a local endpoint: retries, duplicates, order, load')
            [CompletionResult]::new('fixtures', 'fixtures', [CompletionResultType]::ParameterValue, 'List, show and generate signed fixtures')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page (roff): hookcli''s, or a subcommand''s (`hookcli man sign`)')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Where the event store is and what it holds (`store` alone is `store info`); clear it')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the effective settings and where each comes from (flag, env, hookcli.toml, default)')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhooks on a local endpoint: verify, diagnose, record, optionally proxy to your app')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'List and show the requests `listen` recorded')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Resend recorded requests (one, a filter, or the dead letters), re-signed when the secret is known')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Audit a running endpoint: genuine, forged, duplicated and malformed deliveries, graded')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Print the verification key to configure an app with, for providers that sign with a key pair (SendGrid)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookcli;sign' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Signing scheme (default: from the event name or payload)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Signing scheme (default: from the event name or payload)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set a payload field: dotted path = JSON value (strings need no quotes). Repeatable')
            [CompletionResult]::new('--unset', '--unset', [CompletionResultType]::ParameterName, 'Remove a payload field by dotted path. Repeatable')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'Unix timestamp to sign with and to use as `created` (default: now)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for event and request ids; with --timestamp, output is byte-identical across runs')
            [CompletionResult]::new('--fixtures-dir', '--fixtures-dir', [CompletionResultType]::ParameterName, 'Extra directory of NAME.json fixtures, searched before the built-ins. Repeatable')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Signing secret (default: the provider''s variable, e.g. STRIPE_WEBHOOK_SECRET); for key-pair providers (SendGrid) a private key PEM, default hookcli''s local test key')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Signing secret (default: the provider''s variable, e.g. STRIPE_WEBHOOK_SECRET); for key-pair providers (SendGrid) a private key PEM, default hookcli''s local test key')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'How to print the signed request')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print the signed request')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Target used by --format curl and http: port, host:port/path or URL [default: localhost:4242]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The URL the provider has on file, for schemes that sign it (Twilio): sign for it even when delivering elsewhere (a tunnel''s public URL, say)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Sign FILE''s bytes exactly as they are: no new ids, no new `created`, no re-formatting')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookcli;verify' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Signing secret to verify with (for SendGrid, the verification key); repeat to add labelled candidates (the first is the one you verify with)')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Signing secret to verify with (for SendGrid, the verification key); repeat to add labelled candidates (the first is the one you verify with)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'A request header, `Name: value`. Repeatable')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'A request header, `Name: value`. Repeatable')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'File holding the exact request body, or - for standard input')
            [CompletionResult]::new('--request', '--request', [CompletionResultType]::ParameterName, 'A captured request: the JSON printed by `hookcli sign --format json`, or a raw HTTP request')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Signing scheme (default: detected from the headers)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Signing scheme (default: detected from the headers)')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'Accepted timestamp age in seconds, either direction [default: the provider''s own window: 300, Paddle 5, Linear 60]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The URL the provider called, for schemes that sign it (Twilio); default: the request line and Host header of a raw HTTP capture, or the capture''s "url"')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'Unix time to judge the timestamp against (default: now)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print {"valid": bool, "causes": [...]} instead of the report')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookcli;send' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Where to deliver: port, :port, host:port[/path] or a full http(s):// URL [default: localhost:4242]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Where to deliver: port, :port, host:port[/path] or a full http(s):// URL [default: localhost:4242]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The URL the provider has on file, for schemes that sign it (Twilio): sign for it even when delivering elsewhere (a tunnel''s public URL, say)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Signing scheme (default: from the event name or payload)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Signing scheme (default: from the event name or payload)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set a payload field: dotted path = JSON value (strings need no quotes). Repeatable')
            [CompletionResult]::new('--unset', '--unset', [CompletionResultType]::ParameterName, 'Remove a payload field by dotted path. Repeatable')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'Unix timestamp to sign with and to use as `created` (default: now)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for event and request ids; with --timestamp, output is byte-identical across runs')
            [CompletionResult]::new('--fixtures-dir', '--fixtures-dir', [CompletionResultType]::ParameterName, 'Extra directory of NAME.json fixtures, searched before the built-ins. Repeatable')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Signing secret (default: the provider''s variable, e.g. STRIPE_WEBHOOK_SECRET); for key-pair providers (SendGrid) a private key PEM, default hookcli''s local test key')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Signing secret (default: the provider''s variable, e.g. STRIPE_WEBHOOK_SECRET); for key-pair providers (SendGrid) a private key PEM, default hookcli''s local test key')
            [CompletionResult]::new('--expect', '--expect', [CompletionResultType]::ParameterName, 'Statuses that count as success: a status or class, comma-separated (e.g. 2xx,409)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a response after this long (e.g. 500ms, 10s)')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Flag responses slower than this, even successful ones: providers time out and retry')
            [CompletionResult]::new('--retry-schedule', '--retry-schedule', [CompletionResultType]::ParameterName, 'Wait before each attempt, comma-separated; implies --retry [default: 0s,10s,30s,2m,10m,30m,2h]')
            [CompletionResult]::new('--time-scale', '--time-scale', [CompletionResultType]::ParameterName, 'Multiply every retry wait by this (0.001 turns 2h into 7.2s)')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'At most this many attempts per event (default: one per schedule entry)')
            [CompletionResult]::new('--max-retry-time', '--max-retry-time', [CompletionResultType]::ParameterName, 'Stop retrying once this much (scaled) time has passed since the first attempt')
            [CompletionResult]::new('--duplicates', '--duplicates', [CompletionResultType]::ParameterName, 'Deliver each event N times with the same id, re-signed each time (idempotency)')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'Order of a sequence of events; shuffled uses --seed (printed when chosen at random)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Load mode: send N uniquely signed copies of the event and print a summary')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Load mode: send N uniquely signed copies of the event and print a summary')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Load mode: requests in flight at once')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Load mode: requests in flight at once')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Send each FILE''s bytes exactly as they are, signed at send time: no new ids, no re-formatting')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Deliver all the events in one request, as providers that batch events send them (SendGrid)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object per delivery (in load mode: one summary object)')
            [CompletionResult]::new('--print-curl', '--print-curl', [CompletionResultType]::ParameterName, 'Print a curl command that reproduces each request byte for byte')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Sign and print the requests (as curl commands) without sending anything')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (self-signed local https)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (self-signed local https)')
            [CompletionResult]::new('--retry', '--retry', [CompletionResultType]::ParameterName, 'Retry a delivery that gets no 2xx or times out, re-signed each time, on --retry-schedule')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookcli;fixtures' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the built-in event types (and those in --fixtures-dir)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a fixture''s payload as it would be sent')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write signed fixtures for CI: exact bodies, headers, a manifest and a replay script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookcli;fixtures;list' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only this provider''s event types')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider''s event types')
            [CompletionResult]::new('--fixtures-dir', '--fixtures-dir', [CompletionResultType]::ParameterName, 'Extra directory of NAME.json fixtures. Repeatable')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object per line: {"provider", "name", "origin"}')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookcli;fixtures;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Signing scheme (default: from the event name or payload)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Signing scheme (default: from the event name or payload)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set a payload field: dotted path = JSON value (strings need no quotes). Repeatable')
            [CompletionResult]::new('--unset', '--unset', [CompletionResultType]::ParameterName, 'Remove a payload field by dotted path. Repeatable')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'Unix timestamp to sign with and to use as `created` (default: now)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for event and request ids; with --timestamp, output is byte-identical across runs')
            [CompletionResult]::new('--fixtures-dir', '--fixtures-dir', [CompletionResultType]::ParameterName, 'Extra directory of NAME.json fixtures, searched before the built-ins. Repeatable')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object: {"name", "provider", "event_type", "event_id", "timestamp", "payload"}')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookcli;fixtures;generate' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Directory to create; refused if it exists and is not empty, unless --force')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory to create; refused if it exists and is not empty, unless --force')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Every built-in event type whose name starts with PREFIX')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Signing secret (default: the provider''s variable, e.g. STRIPE_WEBHOOK_SECRET)')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Signing secret (default: the provider''s variable, e.g. STRIPE_WEBHOOK_SECRET)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Target the replay script posts to: port, host:port/path or URL [default: localhost:4242]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Signing scheme (default: from the event name or payload)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Signing scheme (default: from the event name or payload)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set a payload field: dotted path = JSON value (strings need no quotes). Repeatable')
            [CompletionResult]::new('--unset', '--unset', [CompletionResultType]::ParameterName, 'Remove a payload field by dotted path. Repeatable')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'Unix timestamp to sign with and to use as `created` (default: now)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for event and request ids; with --timestamp, output is byte-identical across runs')
            [CompletionResult]::new('--fixtures-dir', '--fixtures-dir', [CompletionResultType]::ParameterName, 'Extra directory of NAME.json fixtures, searched before the built-ins. Repeatable')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every built-in event type (of --provider, default stripe)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace DIR if it already holds files')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object describing what was written: {"out", "count", "manifest"}')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookcli;fixtures;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the built-in event types (and those in --fixtures-dir)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a fixture''s payload as it would be sent')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write signed fixtures for CI: exact bodies, headers, a manifest and a replay script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookcli;fixtures;help;list' {
            break
        }
        'hookcli;fixtures;help;show' {
            break
        }
        'hookcli;fixtures;help;generate' {
            break
        }
        'hookcli;fixtures;help;help' {
            break
        }
        'hookcli;completions' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookcli;man' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write every page (hookcli.1, hookcli-sign.1, …) into DIR instead')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookcli;store' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'The store''s path, size, bounds and row counts')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Delete everything recorded (asks first on a terminal)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookcli;store;info' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object: {"path", "bytes", "tables": {name: rows}, "max_age_days", "max_rows"}')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookcli;store;clear' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask; required when not on a terminal')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask; required when not on a terminal')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookcli;store;help' {
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'The store''s path, size, bounds and row counts')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Delete everything recorded (asks first on a terminal)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookcli;store;help;info' {
            break
        }
        'hookcli;store;help;clear' {
            break
        }
        'hookcli;store;help;help' {
            break
        }
        'hookcli;config' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--init', '--init', [CompletionResultType]::ParameterName, 'Write a commented hookcli.toml in the current directory (refuses to overwrite one)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object: {"file", "settings": {name: {"value", "source"}}}')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookcli;listen' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on; 0 picks a free one (the first line printed says which) [default: 4242]')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to bind. Anything but loopback exposes the endpoint to your network')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Accept only this path and the paths below it (others get 404). Default: every path')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Signing scheme (default: detected per request from its headers)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Signing scheme (default: detected per request from its headers)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'The endpoint''s signing secret; repeat for a rotation (any of them verifies). Without it, the provider''s primary variable (STRIPE_WEBHOOK_SECRET, …); the other variables (…_TEST, …_LIVE) are candidates: a request signed with one is rejected as wrong_secret, naming it')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The endpoint''s signing secret; repeat for a rotation (any of them verifies). Without it, the provider''s primary variable (STRIPE_WEBHOOK_SECRET, …); the other variables (…_TEST, …_LIVE) are candidates: a request signed with one is rejected as wrong_secret, naming it')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'Accepted timestamp age in seconds, either direction [default: the provider''s own window: 300, Paddle 5, Linear 60]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The URL the provider calls, for schemes that sign it (Twilio); default: rebuilt from each request''s target and Host (X-Forwarded-Proto/-Host when a proxy sets them)')
            [CompletionResult]::new('--respond', '--respond', [CompletionResultType]::ParameterName, 'Answer every request with this status and/or after this delay, e.g. 500, 200:3s, :800ms')
            [CompletionResult]::new('--forward-to', '--forward-to', [CompletionResultType]::ParameterName, 'Proxy mode: forward each request byte for byte to your app and answer as it does')
            [CompletionResult]::new('--forward-timeout', '--forward-timeout', [CompletionResultType]::ParameterName, 'Give up on the app after this long (proxy mode)')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'Flag an app that answers slower than this (GitHub gives up at 10 s)')
            [CompletionResult]::new('--max-body', '--max-body', [CompletionResultType]::ParameterName, 'Largest body accepted, e.g. 5MiB, 512KiB, 100000; larger gets 413 (GitHub sends up to 25 MB)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object per line on stdout: the listening address, each request, the summary')
            [CompletionResult]::new('--diagnose', '--diagnose', [CompletionResultType]::ParameterName, 'Print the full diagnosis and signature diff under every failed request')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookcli;events' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only this event type; a trailing * matches a prefix (invoice.*)')
            [CompletionResult]::new('--verdict', '--verdict', [CompletionResultType]::ParameterName, 'Only valid or only invalid requests')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only requests received since then: a duration ago (30m, 2h, 7d) or an RFC 3339 time')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'List at most this many, newest first')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--dead-letters', '--dead-letters', [CompletionResultType]::ParameterName, 'Only dead letters: requests the app did not accept in proxy mode')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object per request')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'With ID: print only the exact body bytes')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List recorded requests, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one recorded request in full')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookcli;events;list' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only this event type; a trailing * matches a prefix (invoice.*)')
            [CompletionResult]::new('--verdict', '--verdict', [CompletionResultType]::ParameterName, 'Only valid or only invalid requests')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only requests received since then: a duration ago (30m, 2h, 7d) or an RFC 3339 time')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'List at most this many, newest first')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--dead-letters', '--dead-letters', [CompletionResultType]::ParameterName, 'Only dead letters: requests the app did not accept in proxy mode')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object per request')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookcli;events;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'Print only the exact body bytes')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookcli;events;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List recorded requests, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one recorded request in full')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookcli;events;help;list' {
            break
        }
        'hookcli;events;help;show' {
            break
        }
        'hookcli;events;help;help' {
            break
        }
        'hookcli;replay' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only this event type; a trailing * matches a prefix (invoice.*)')
            [CompletionResult]::new('--verdict', '--verdict', [CompletionResultType]::ParameterName, 'Only valid or only invalid requests')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only requests received since then: a duration ago (30m, 2h, 7d) or an RFC 3339 time')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Where to send (default: the URL each request was forwarded to by `listen --forward-to`)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Secrets to re-sign with, as `verify` takes them; a request is re-signed with a fresh timestamp when one of them is the secret that verified it')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Secrets to re-sign with, as `verify` takes them; a request is re-signed with a fresh timestamp when one of them is the secret that verified it')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on each delivery after this long')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many requests from a filter, newest first')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--dead-letters', '--dead-letters', [CompletionResultType]::ParameterName, 'Only dead letters: requests the app did not accept in proxy mode')
            [CompletionResult]::new('--no-resign', '--no-resign', [CompletionResultType]::ParameterName, 'Send the stored headers unchanged (no fresh signature)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object per replayed request')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookcli;check' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The endpoint to audit: port, :port, host:port[/path] or a full http(s):// URL [default: localhost:4242]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The endpoint to audit: port, :port, host:port[/path] or a full http(s):// URL [default: localhost:4242]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Provider profile: stripe, github, standard, shopify, slack, zoom, discord, twilio or sendgrid (default: from hookcli.toml, else stripe)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider profile: stripe, github, standard, shopify, slack, zoom, discord, twilio or sendgrid (default: from hookcli.toml, else stripe)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'The secret the app should verify with; repeat to add candidates (the first is the one it should hold). Key-pair providers (sendgrid): a private key, default hookcli''s local test key')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The secret the app should verify with; repeat to add candidates (the first is the one it should hold). Key-pair providers (sendgrid): a private key, default hookcli''s local test key')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'The provider''s timeout for an answer (default: per provider, e.g. 30s for Stripe, 10s for GitHub)')
            [CompletionResult]::new('--probe-url', '--probe-url', [CompletionResultType]::ParameterName, 'URL whose GET answers with the app''s side-effect count (an integer, or JSON with one number)')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (comma-separated ids, repeatable)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Do not run these checks (comma-separated ids, repeatable)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity whose failure fails the run (exit 1)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Stop sending once the answers have taken this long in total')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for event ids (default: random)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('--allow-remote', '--allow-remote', [CompletionResultType]::ParameterName, 'Allow a target that is not a loopback address (the audit sends forged, oversized and malformed requests)')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (self-signed local https)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate (self-signed local https)')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookcli;keys' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only this provider (default: every provider that signs with a key pair)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider (default: every provider that signs with a key pair)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'A private key (PKCS#8 or SEC1 PEM): print its verification key instead of the local test key''s')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'A private key (PKCS#8 or SEC1 PEM): print its verification key instead of the local test key''s')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project config file (default: hookcli.toml here or in a parent directory)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: auto (a terminal, unless NO_COLOR), always, never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object per provider: {"provider", "algorithm", "verification_key", "pem", "fingerprint", "env", "source", "private_key_path", "created"}')
            [CompletionResult]::new('--no-store', '--no-store', [CompletionResultType]::ParameterName, 'Do not record anything in the event store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookcli;help' {
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign one event and print the request (headers and exact body)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a captured request''s signature and explain why it fails')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Deliver signed events to a local endpoint: retries, duplicates, order, load')
            [CompletionResult]::new('fixtures', 'fixtures', [CompletionResultType]::ParameterValue, 'List, show and generate signed fixtures')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page (roff): hookcli''s, or a subcommand''s (`hookcli man sign`)')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Where the event store is and what it holds (`store` alone is `store info`); clear it')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the effective settings and where each comes from (flag, env, hookcli.toml, default)')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhooks on a local endpoint: verify, diagnose, record, optionally proxy to your app')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'List and show the requests `listen` recorded')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Resend recorded requests (one, a filter, or the dead letters), re-signed when the secret is known')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Audit a running endpoint: genuine, forged, duplicated and malformed deliveries, graded')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Print the verification key to configure an app with, for providers that sign with a key pair (SendGrid)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookcli;help;sign' {
            break
        }
        'hookcli;help;verify' {
            break
        }
        'hookcli;help;send' {
            break
        }
        'hookcli;help;fixtures' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the built-in event types (and those in --fixtures-dir)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a fixture''s payload as it would be sent')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write signed fixtures for CI: exact bodies, headers, a manifest and a replay script')
            break
        }
        'hookcli;help;fixtures;list' {
            break
        }
        'hookcli;help;fixtures;show' {
            break
        }
        'hookcli;help;fixtures;generate' {
            break
        }
        'hookcli;help;completions' {
            break
        }
        'hookcli;help;man' {
            break
        }
        'hookcli;help;store' {
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'The store''s path, size, bounds and row counts')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Delete everything recorded (asks first on a terminal)')
            break
        }
        'hookcli;help;store;info' {
            break
        }
        'hookcli;help;store;clear' {
            break
        }
        'hookcli;help;config' {
            break
        }
        'hookcli;help;listen' {
            break
        }
        'hookcli;help;events' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List recorded requests, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one recorded request in full')
            break
        }
        'hookcli;help;events;list' {
            break
        }
        'hookcli;help;events;show' {
            break
        }
        'hookcli;help;replay' {
            break
        }
        'hookcli;help;check' {
            break
        }
        'hookcli;help;keys' {
            break
        }
        'hookcli;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
