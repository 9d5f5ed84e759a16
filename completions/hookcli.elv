
use builtin;
use str;

set edit:completion:arg-completer[hookcli] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'hookcli'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'hookcli'= {
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand sign 'Sign one event and print the request (headers and exact body)'
            cand verify 'Verify a captured request''s signature and explain why it fails'
            cand send 'Deliver signed events to a local endpoint: retries, duplicates, order, load'
            cand fixtures 'List, show and generate signed fixtures'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand man 'Print a man page (roff): hookcli''s, or a subcommand''s (`hookcli man sign`)'
            cand store 'Where the event store is and what it holds (`store` alone is `store info`); clear it'
            cand config 'Show the effective settings and where each comes from (flag, env, hookcli.toml, default)'
            cand listen 'Receive webhooks on a local endpoint: verify, diagnose, record, optionally proxy to your app'
            cand events 'List and show the requests `listen` recorded'
            cand replay 'Resend recorded requests (one, a filter, or the dead letters), re-signed when the secret is known'
            cand check 'Audit a running endpoint: genuine, forged, duplicated and malformed deliveries, graded'
            cand keys 'Print the verification key to configure an app with, for providers that sign with a key pair (SendGrid)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookcli;sign'= {
            cand -p 'Signing scheme (default: from the event name or payload)'
            cand --provider 'Signing scheme (default: from the event name or payload)'
            cand --set 'Set a payload field: dotted path = JSON value (strings need no quotes). Repeatable'
            cand --unset 'Remove a payload field by dotted path. Repeatable'
            cand --timestamp 'Unix timestamp to sign with and to use as `created` (default: now)'
            cand --seed 'Seed for event and request ids; with --timestamp, output is byte-identical across runs'
            cand --fixtures-dir 'Extra directory of NAME.json fixtures, searched before the built-ins. Repeatable'
            cand -s 'Signing secret (default: the provider''s variable, e.g. STRIPE_WEBHOOK_SECRET); for key-pair providers (SendGrid) a private key PEM, default hookcli''s local test key'
            cand --secret 'Signing secret (default: the provider''s variable, e.g. STRIPE_WEBHOOK_SECRET); for key-pair providers (SendGrid) a private key PEM, default hookcli''s local test key'
            cand -f 'How to print the signed request'
            cand --format 'How to print the signed request'
            cand --to 'Target used by --format curl and http: port, host:port/path or URL [default: localhost:4242]'
            cand --url 'The URL the provider has on file, for schemes that sign it (Twilio): sign for it even when delivering elsewhere (a tunnel''s public URL, say)'
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --raw 'Sign FILE''s bytes exactly as they are: no new ids, no new `created`, no re-formatting'
            cand --json 'Same as --format json'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookcli;verify'= {
            cand -s 'Signing secret to verify with (for SendGrid, the verification key); repeat to add labelled candidates (the first is the one you verify with)'
            cand --secret 'Signing secret to verify with (for SendGrid, the verification key); repeat to add labelled candidates (the first is the one you verify with)'
            cand -H 'A request header, `Name: value`. Repeatable'
            cand --header 'A request header, `Name: value`. Repeatable'
            cand --body 'File holding the exact request body, or - for standard input'
            cand --request 'A captured request: the JSON printed by `hookcli sign --format json`, or a raw HTTP request'
            cand -p 'Signing scheme (default: detected from the headers)'
            cand --provider 'Signing scheme (default: detected from the headers)'
            cand --tolerance 'Accepted timestamp age in seconds, either direction [default: the provider''s own window: 300, Paddle 5, Linear 60]'
            cand --url 'The URL the provider called, for schemes that sign it (Twilio); default: the request line and Host header of a raw HTTP capture, or the capture''s "url"'
            cand --now 'Unix time to judge the timestamp against (default: now)'
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --json 'Print {"valid": bool, "causes": [...]} instead of the report'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookcli;send'= {
            cand -t 'Where to deliver: port, :port, host:port[/path] or a full http(s):// URL [default: localhost:4242]'
            cand --to 'Where to deliver: port, :port, host:port[/path] or a full http(s):// URL [default: localhost:4242]'
            cand --url 'The URL the provider has on file, for schemes that sign it (Twilio): sign for it even when delivering elsewhere (a tunnel''s public URL, say)'
            cand -p 'Signing scheme (default: from the event name or payload)'
            cand --provider 'Signing scheme (default: from the event name or payload)'
            cand --set 'Set a payload field: dotted path = JSON value (strings need no quotes). Repeatable'
            cand --unset 'Remove a payload field by dotted path. Repeatable'
            cand --timestamp 'Unix timestamp to sign with and to use as `created` (default: now)'
            cand --seed 'Seed for event and request ids; with --timestamp, output is byte-identical across runs'
            cand --fixtures-dir 'Extra directory of NAME.json fixtures, searched before the built-ins. Repeatable'
            cand -s 'Signing secret (default: the provider''s variable, e.g. STRIPE_WEBHOOK_SECRET); for key-pair providers (SendGrid) a private key PEM, default hookcli''s local test key'
            cand --secret 'Signing secret (default: the provider''s variable, e.g. STRIPE_WEBHOOK_SECRET); for key-pair providers (SendGrid) a private key PEM, default hookcli''s local test key'
            cand --expect 'Statuses that count as success: a status or class, comma-separated (e.g. 2xx,409)'
            cand --timeout 'Give up on a response after this long (e.g. 500ms, 10s)'
            cand --budget 'Flag responses slower than this, even successful ones: providers time out and retry'
            cand --retry-schedule 'Wait before each attempt, comma-separated; implies --retry [default: 0s,10s,30s,2m,10m,30m,2h]'
            cand --time-scale 'Multiply every retry wait by this (0.001 turns 2h into 7.2s)'
            cand --max-attempts 'At most this many attempts per event (default: one per schedule entry)'
            cand --max-retry-time 'Stop retrying once this much (scaled) time has passed since the first attempt'
            cand --duplicates 'Deliver each event N times with the same id, re-signed each time (idempotency)'
            cand --order 'Order of a sequence of events; shuffled uses --seed (printed when chosen at random)'
            cand -n 'Load mode: send N uniquely signed copies of the event and print a summary'
            cand --count 'Load mode: send N uniquely signed copies of the event and print a summary'
            cand -c 'Load mode: requests in flight at once'
            cand --concurrency 'Load mode: requests in flight at once'
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --raw 'Send each FILE''s bytes exactly as they are, signed at send time: no new ids, no re-formatting'
            cand --batch 'Deliver all the events in one request, as providers that batch events send them (SendGrid)'
            cand --json 'One JSON object per delivery (in load mode: one summary object)'
            cand --print-curl 'Print a curl command that reproduces each request byte for byte'
            cand --dry-run 'Sign and print the requests (as curl commands) without sending anything'
            cand -k 'Accept any TLS certificate (self-signed local https)'
            cand --insecure 'Accept any TLS certificate (self-signed local https)'
            cand --retry 'Retry a delivery that gets no 2xx or times out, re-signed each time, on --retry-schedule'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookcli;fixtures'= {
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the built-in event types (and those in --fixtures-dir)'
            cand show 'Print a fixture''s payload as it would be sent'
            cand generate 'Write signed fixtures for CI: exact bodies, headers, a manifest and a replay script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookcli;fixtures;list'= {
            cand -p 'Only this provider''s event types'
            cand --provider 'Only this provider''s event types'
            cand --fixtures-dir 'Extra directory of NAME.json fixtures. Repeatable'
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --json 'One JSON object per line: {"provider", "name", "origin"}'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookcli;fixtures;show'= {
            cand -p 'Signing scheme (default: from the event name or payload)'
            cand --provider 'Signing scheme (default: from the event name or payload)'
            cand --set 'Set a payload field: dotted path = JSON value (strings need no quotes). Repeatable'
            cand --unset 'Remove a payload field by dotted path. Repeatable'
            cand --timestamp 'Unix timestamp to sign with and to use as `created` (default: now)'
            cand --seed 'Seed for event and request ids; with --timestamp, output is byte-identical across runs'
            cand --fixtures-dir 'Extra directory of NAME.json fixtures, searched before the built-ins. Repeatable'
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --json 'One JSON object: {"name", "provider", "event_type", "event_id", "timestamp", "payload"}'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookcli;fixtures;generate'= {
            cand -o 'Directory to create; refused if it exists and is not empty, unless --force'
            cand --out 'Directory to create; refused if it exists and is not empty, unless --force'
            cand --prefix 'Every built-in event type whose name starts with PREFIX'
            cand -s 'Signing secret (default: the provider''s variable, e.g. STRIPE_WEBHOOK_SECRET)'
            cand --secret 'Signing secret (default: the provider''s variable, e.g. STRIPE_WEBHOOK_SECRET)'
            cand --to 'Target the replay script posts to: port, host:port/path or URL [default: localhost:4242]'
            cand -p 'Signing scheme (default: from the event name or payload)'
            cand --provider 'Signing scheme (default: from the event name or payload)'
            cand --set 'Set a payload field: dotted path = JSON value (strings need no quotes). Repeatable'
            cand --unset 'Remove a payload field by dotted path. Repeatable'
            cand --timestamp 'Unix timestamp to sign with and to use as `created` (default: now)'
            cand --seed 'Seed for event and request ids; with --timestamp, output is byte-identical across runs'
            cand --fixtures-dir 'Extra directory of NAME.json fixtures, searched before the built-ins. Repeatable'
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --all 'Every built-in event type (of --provider, default stripe)'
            cand --force 'Replace DIR if it already holds files'
            cand --json 'Print one JSON object describing what was written: {"out", "count", "manifest"}'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookcli;fixtures;help'= {
            cand list 'List the built-in event types (and those in --fixtures-dir)'
            cand show 'Print a fixture''s payload as it would be sent'
            cand generate 'Write signed fixtures for CI: exact bodies, headers, a manifest and a replay script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookcli;fixtures;help;list'= {
        }
        &'hookcli;fixtures;help;show'= {
        }
        &'hookcli;fixtures;help;generate'= {
        }
        &'hookcli;fixtures;help;help'= {
        }
        &'hookcli;completions'= {
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookcli;man'= {
            cand --out 'Write every page (hookcli.1, hookcli-sign.1, …) into DIR instead'
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookcli;store'= {
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand info 'The store''s path, size, bounds and row counts'
            cand clear 'Delete everything recorded (asks first on a terminal)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookcli;store;info'= {
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --json 'One JSON object: {"path", "bytes", "tables": {name: rows}, "max_age_days", "max_rows"}'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookcli;store;clear'= {
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand -y 'Do not ask; required when not on a terminal'
            cand --yes 'Do not ask; required when not on a terminal'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookcli;store;help'= {
            cand info 'The store''s path, size, bounds and row counts'
            cand clear 'Delete everything recorded (asks first on a terminal)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookcli;store;help;info'= {
        }
        &'hookcli;store;help;clear'= {
        }
        &'hookcli;store;help;help'= {
        }
        &'hookcli;config'= {
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --init 'Write a commented hookcli.toml in the current directory (refuses to overwrite one)'
            cand --json 'One JSON object: {"file", "settings": {name: {"value", "source"}}}'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookcli;listen'= {
            cand --port 'Port to listen on; 0 picks a free one (the first line printed says which) [default: 4242]'
            cand --host 'Address to bind. Anything but loopback exposes the endpoint to your network'
            cand --path 'Accept only this path and the paths below it (others get 404). Default: every path'
            cand -p 'Signing scheme (default: detected per request from its headers)'
            cand --provider 'Signing scheme (default: detected per request from its headers)'
            cand -s 'The endpoint''s signing secret; repeat for a rotation (any of them verifies). Without it, the provider''s primary variable (STRIPE_WEBHOOK_SECRET, …); the other variables (…_TEST, …_LIVE) are candidates: a request signed with one is rejected as wrong_secret, naming it'
            cand --secret 'The endpoint''s signing secret; repeat for a rotation (any of them verifies). Without it, the provider''s primary variable (STRIPE_WEBHOOK_SECRET, …); the other variables (…_TEST, …_LIVE) are candidates: a request signed with one is rejected as wrong_secret, naming it'
            cand --tolerance 'Accepted timestamp age in seconds, either direction [default: the provider''s own window: 300, Paddle 5, Linear 60]'
            cand --url 'The URL the provider calls, for schemes that sign it (Twilio); default: rebuilt from each request''s target and Host (X-Forwarded-Proto/-Host when a proxy sets them)'
            cand --respond 'Answer every request with this status and/or after this delay, e.g. 500, 200:3s, :800ms'
            cand --forward-to 'Proxy mode: forward each request byte for byte to your app and answer as it does'
            cand --forward-timeout 'Give up on the app after this long (proxy mode)'
            cand --budget 'Flag an app that answers slower than this (GitHub gives up at 10 s)'
            cand --max-body 'Largest body accepted, e.g. 5MiB, 512KiB, 100000; larger gets 413 (GitHub sends up to 25 MB)'
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --json 'One JSON object per line on stdout: the listening address, each request, the summary'
            cand --diagnose 'Print the full diagnosis and signature diff under every failed request'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookcli;events'= {
            cand --type 'Only this event type; a trailing * matches a prefix (invoice.*)'
            cand --verdict 'Only valid or only invalid requests'
            cand --since 'Only requests received since then: a duration ago (30m, 2h, 7d) or an RFC 3339 time'
            cand --limit 'List at most this many, newest first'
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --dead-letters 'Only dead letters: requests the app did not accept in proxy mode'
            cand --json 'One JSON object per request'
            cand --body 'With ID: print only the exact body bytes'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List recorded requests, newest first'
            cand show 'Show one recorded request in full'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookcli;events;list'= {
            cand --type 'Only this event type; a trailing * matches a prefix (invoice.*)'
            cand --verdict 'Only valid or only invalid requests'
            cand --since 'Only requests received since then: a duration ago (30m, 2h, 7d) or an RFC 3339 time'
            cand --limit 'List at most this many, newest first'
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --dead-letters 'Only dead letters: requests the app did not accept in proxy mode'
            cand --json 'One JSON object per request'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookcli;events;show'= {
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --body 'Print only the exact body bytes'
            cand --json 'One JSON object'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookcli;events;help'= {
            cand list 'List recorded requests, newest first'
            cand show 'Show one recorded request in full'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookcli;events;help;list'= {
        }
        &'hookcli;events;help;show'= {
        }
        &'hookcli;events;help;help'= {
        }
        &'hookcli;replay'= {
            cand --type 'Only this event type; a trailing * matches a prefix (invoice.*)'
            cand --verdict 'Only valid or only invalid requests'
            cand --since 'Only requests received since then: a duration ago (30m, 2h, 7d) or an RFC 3339 time'
            cand --to 'Where to send (default: the URL each request was forwarded to by `listen --forward-to`)'
            cand -s 'Secrets to re-sign with, as `verify` takes them; a request is re-signed with a fresh timestamp when one of them is the secret that verified it'
            cand --secret 'Secrets to re-sign with, as `verify` takes them; a request is re-signed with a fresh timestamp when one of them is the secret that verified it'
            cand --timeout 'Give up on each delivery after this long'
            cand --limit 'At most this many requests from a filter, newest first'
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --dead-letters 'Only dead letters: requests the app did not accept in proxy mode'
            cand --no-resign 'Send the stored headers unchanged (no fresh signature)'
            cand --json 'One JSON object per replayed request'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookcli;check'= {
            cand -t 'The endpoint to audit: port, :port, host:port[/path] or a full http(s):// URL [default: localhost:4242]'
            cand --to 'The endpoint to audit: port, :port, host:port[/path] or a full http(s):// URL [default: localhost:4242]'
            cand -p 'Provider profile: stripe, github, standard, shopify, slack, zoom, discord, twilio or sendgrid (default: from hookcli.toml, else stripe)'
            cand --provider 'Provider profile: stripe, github, standard, shopify, slack, zoom, discord, twilio or sendgrid (default: from hookcli.toml, else stripe)'
            cand -s 'The secret the app should verify with; repeat to add candidates (the first is the one it should hold). Key-pair providers (sendgrid): a private key, default hookcli''s local test key'
            cand --secret 'The secret the app should verify with; repeat to add candidates (the first is the one it should hold). Key-pair providers (sendgrid): a private key, default hookcli''s local test key'
            cand --budget 'The provider''s timeout for an answer (default: per provider, e.g. 30s for Stripe, 10s for GitHub)'
            cand --probe-url 'URL whose GET answers with the app''s side-effect count (an integer, or JSON with one number)'
            cand --only 'Run only these checks (comma-separated ids, repeatable)'
            cand --skip 'Do not run these checks (comma-separated ids, repeatable)'
            cand --fail-on 'Lowest severity whose failure fails the run (exit 1)'
            cand -f 'Report format'
            cand --format 'Report format'
            cand --max-time 'Stop sending once the answers have taken this long in total'
            cand --seed 'Seed for event ids (default: random)'
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --json 'Same as --format json'
            cand --allow-remote 'Allow a target that is not a loopback address (the audit sends forged, oversized and malformed requests)'
            cand -k 'Accept any TLS certificate (self-signed local https)'
            cand --insecure 'Accept any TLS certificate (self-signed local https)'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookcli;keys'= {
            cand -p 'Only this provider (default: every provider that signs with a key pair)'
            cand --provider 'Only this provider (default: every provider that signs with a key pair)'
            cand -s 'A private key (PKCS#8 or SEC1 PEM): print its verification key instead of the local test key''s'
            cand --secret 'A private key (PKCS#8 or SEC1 PEM): print its verification key instead of the local test key''s'
            cand --store 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)'
            cand --config 'Project config file (default: hookcli.toml here or in a parent directory)'
            cand --color 'When to use colour: auto (a terminal, unless NO_COLOR), always, never'
            cand --json 'One JSON object per provider: {"provider", "algorithm", "verification_key", "pem", "fingerprint", "env", "source", "private_key_path", "created"}'
            cand --no-store 'Do not record anything in the event store'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookcli;help'= {
            cand sign 'Sign one event and print the request (headers and exact body)'
            cand verify 'Verify a captured request''s signature and explain why it fails'
            cand send 'Deliver signed events to a local endpoint: retries, duplicates, order, load'
            cand fixtures 'List, show and generate signed fixtures'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand man 'Print a man page (roff): hookcli''s, or a subcommand''s (`hookcli man sign`)'
            cand store 'Where the event store is and what it holds (`store` alone is `store info`); clear it'
            cand config 'Show the effective settings and where each comes from (flag, env, hookcli.toml, default)'
            cand listen 'Receive webhooks on a local endpoint: verify, diagnose, record, optionally proxy to your app'
            cand events 'List and show the requests `listen` recorded'
            cand replay 'Resend recorded requests (one, a filter, or the dead letters), re-signed when the secret is known'
            cand check 'Audit a running endpoint: genuine, forged, duplicated and malformed deliveries, graded'
            cand keys 'Print the verification key to configure an app with, for providers that sign with a key pair (SendGrid)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookcli;help;sign'= {
        }
        &'hookcli;help;verify'= {
        }
        &'hookcli;help;send'= {
        }
        &'hookcli;help;fixtures'= {
            cand list 'List the built-in event types (and those in --fixtures-dir)'
            cand show 'Print a fixture''s payload as it would be sent'
            cand generate 'Write signed fixtures for CI: exact bodies, headers, a manifest and a replay script'
        }
        &'hookcli;help;fixtures;list'= {
        }
        &'hookcli;help;fixtures;show'= {
        }
        &'hookcli;help;fixtures;generate'= {
        }
        &'hookcli;help;completions'= {
        }
        &'hookcli;help;man'= {
        }
        &'hookcli;help;store'= {
            cand info 'The store''s path, size, bounds and row counts'
            cand clear 'Delete everything recorded (asks first on a terminal)'
        }
        &'hookcli;help;store;info'= {
        }
        &'hookcli;help;store;clear'= {
        }
        &'hookcli;help;config'= {
        }
        &'hookcli;help;listen'= {
        }
        &'hookcli;help;events'= {
            cand list 'List recorded requests, newest first'
            cand show 'Show one recorded request in full'
        }
        &'hookcli;help;events;list'= {
        }
        &'hookcli;help;events;show'= {
        }
        &'hookcli;help;replay'= {
        }
        &'hookcli;help;check'= {
        }
        &'hookcli;help;keys'= {
        }
        &'hookcli;help;help'= {
        }
    ]
    $completions[$command]
}
