# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_hookcli_global_optspecs
    string join \n store= no-store config= color= h/help V/version
end

function __fish_hookcli_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_hookcli_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_hookcli_using_subcommand
    set -l cmd (__fish_hookcli_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c hookcli -n "__fish_hookcli_needs_command" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_needs_command" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_needs_command" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_needs_command" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_needs_command" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_needs_command" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_needs_command" -f -a "sign" -d 'Sign one event and print the request (headers and exact body)'
complete -c hookcli -n "__fish_hookcli_needs_command" -f -a "verify" -d 'Verify a captured request\'s signature and explain why it fails'
complete -c hookcli -n "__fish_hookcli_needs_command" -f -a "send" -d 'Deliver signed events to a local endpoint: retries, duplicates, order, load'
complete -c hookcli -n "__fish_hookcli_needs_command" -f -a "fixtures" -d 'List, show and generate signed fixtures'
complete -c hookcli -n "__fish_hookcli_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c hookcli -n "__fish_hookcli_needs_command" -f -a "man" -d 'Print a man page (roff): hookcli\'s, or a subcommand\'s (`hookcli man sign`)'
complete -c hookcli -n "__fish_hookcli_needs_command" -f -a "store" -d 'Where the event store is and what it holds (`store` alone is `store info`); clear it'
complete -c hookcli -n "__fish_hookcli_needs_command" -f -a "config" -d 'Show the effective settings and where each comes from (flag, env, hookcli.toml, default)'
complete -c hookcli -n "__fish_hookcli_needs_command" -f -a "listen" -d 'Receive webhooks on a local endpoint: verify, diagnose, record, optionally proxy to your app'
complete -c hookcli -n "__fish_hookcli_needs_command" -f -a "events" -d 'List and show the requests `listen` recorded'
complete -c hookcli -n "__fish_hookcli_needs_command" -f -a "replay" -d 'Resend recorded requests (one, a filter, or the dead letters), re-signed when the secret is known'
complete -c hookcli -n "__fish_hookcli_needs_command" -f -a "check" -d 'Audit a running endpoint: genuine, forged, duplicated and malformed deliveries, graded'
complete -c hookcli -n "__fish_hookcli_needs_command" -f -a "keys" -d 'Print the verification key to configure an app with, for providers that sign with a key pair (SendGrid)'
complete -c hookcli -n "__fish_hookcli_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -s p -l provider -d 'Signing scheme (default: from the event name or payload)' -r -f -a "stripe\t''
github\t''
standard\t''
twilio\t''
sendgrid\t''
shopify\t''
slack\t''
paddle\t''
linear\t''
zoom\t''
razorpay\t''
square\t''
discord\t''
clerk\t''
resend\t''
mailgun\t''
gitlab\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -l set -d 'Set a payload field: dotted path = JSON value (strings need no quotes). Repeatable' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -l unset -d 'Remove a payload field by dotted path. Repeatable' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -l timestamp -d 'Unix timestamp to sign with and to use as `created` (default: now)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -l seed -d 'Seed for event and request ids; with --timestamp, output is byte-identical across runs' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -l fixtures-dir -d 'Extra directory of NAME.json fixtures, searched before the built-ins. Repeatable' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -s s -l secret -d 'Signing secret (default: the provider\'s variable, e.g. STRIPE_WEBHOOK_SECRET); for key-pair providers (SendGrid) a private key PEM, default hookcli\'s local test key' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -s f -l format -d 'How to print the signed request' -r -f -a "human\t'Headers and body, for a person'
json\t'One JSON object: provider, event_type, event_id, timestamp, headers, body (and verification_key for key-pair providers)'
curl\t'A curl command that sends byte-identical data'
http\t'The raw HTTP/1.1 request'"
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -l to -d 'Target used by --format curl and http: port, host:port/path or URL [default: localhost:4242]' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -l url -d 'The URL the provider has on file, for schemes that sign it (Twilio): sign for it even when delivering elsewhere (a tunnel\'s public URL, say)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -l raw -d 'Sign FILE\'s bytes exactly as they are: no new ids, no new `created`, no re-formatting'
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -l json -d 'Same as --format json'
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand verify" -s s -l secret -d 'Signing secret to verify with (for SendGrid, the verification key); repeat to add labelled candidates (the first is the one you verify with)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand verify" -s H -l header -d 'A request header, `Name: value`. Repeatable' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand verify" -l body -d 'File holding the exact request body, or - for standard input' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand verify" -l request -d 'A captured request: the JSON printed by `hookcli sign --format json`, or a raw HTTP request' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand verify" -s p -l provider -d 'Signing scheme (default: detected from the headers)' -r -f -a "stripe\t''
github\t''
standard\t''
twilio\t''
sendgrid\t''
shopify\t''
slack\t''
paddle\t''
linear\t''
zoom\t''
razorpay\t''
square\t''
discord\t''
clerk\t''
resend\t''
mailgun\t''
gitlab\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand verify" -l tolerance -d 'Accepted timestamp age in seconds, either direction [default: the provider\'s own window: 300, Paddle 5, Linear 60]' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand verify" -l url -d 'The URL the provider called, for schemes that sign it (Twilio); default: the request line and Host header of a raw HTTP capture, or the capture\'s "url"' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand verify" -l now -d 'Unix time to judge the timestamp against (default: now)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand verify" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand verify" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand verify" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand verify" -l json -d 'Print {"valid": bool, "causes": [...]} instead of the report'
complete -c hookcli -n "__fish_hookcli_using_subcommand verify" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand verify" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_using_subcommand verify" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -s t -l to -d 'Where to deliver: port, :port, host:port[/path] or a full http(s):// URL [default: localhost:4242]' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l url -d 'The URL the provider has on file, for schemes that sign it (Twilio): sign for it even when delivering elsewhere (a tunnel\'s public URL, say)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -s p -l provider -d 'Signing scheme (default: from the event name or payload)' -r -f -a "stripe\t''
github\t''
standard\t''
twilio\t''
sendgrid\t''
shopify\t''
slack\t''
paddle\t''
linear\t''
zoom\t''
razorpay\t''
square\t''
discord\t''
clerk\t''
resend\t''
mailgun\t''
gitlab\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l set -d 'Set a payload field: dotted path = JSON value (strings need no quotes). Repeatable' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l unset -d 'Remove a payload field by dotted path. Repeatable' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l timestamp -d 'Unix timestamp to sign with and to use as `created` (default: now)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l seed -d 'Seed for event and request ids; with --timestamp, output is byte-identical across runs' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l fixtures-dir -d 'Extra directory of NAME.json fixtures, searched before the built-ins. Repeatable' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -s s -l secret -d 'Signing secret (default: the provider\'s variable, e.g. STRIPE_WEBHOOK_SECRET); for key-pair providers (SendGrid) a private key PEM, default hookcli\'s local test key' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l expect -d 'Statuses that count as success: a status or class, comma-separated (e.g. 2xx,409)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l timeout -d 'Give up on a response after this long (e.g. 500ms, 10s)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l budget -d 'Flag responses slower than this, even successful ones: providers time out and retry' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l retry-schedule -d 'Wait before each attempt, comma-separated; implies --retry [default: 0s,10s,30s,2m,10m,30m,2h]' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l time-scale -d 'Multiply every retry wait by this (0.001 turns 2h into 7.2s)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l max-attempts -d 'At most this many attempts per event (default: one per schedule entry)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l max-retry-time -d 'Stop retrying once this much (scaled) time has passed since the first attempt' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l duplicates -d 'Deliver each event N times with the same id, re-signed each time (idempotency)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l order -d 'Order of a sequence of events; shuffled uses --seed (printed when chosen at random)' -r -f -a "in-order\t''
reversed\t''
shuffled\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -s n -l count -d 'Load mode: send N uniquely signed copies of the event and print a summary' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -s c -l concurrency -d 'Load mode: requests in flight at once' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l raw -d 'Send each FILE\'s bytes exactly as they are, signed at send time: no new ids, no re-formatting'
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l batch -d 'Deliver all the events in one request, as providers that batch events send them (SendGrid)'
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l json -d 'One JSON object per delivery (in load mode: one summary object)'
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l print-curl -d 'Print a curl command that reproduces each request byte for byte'
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l dry-run -d 'Sign and print the requests (as curl commands) without sending anything'
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -s k -l insecure -d 'Accept any TLS certificate (self-signed local https)'
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l retry -d 'Retry a delivery that gets no 2xx or times out, re-signed each time, on --retry-schedule'
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and not __fish_seen_subcommand_from list show generate help" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and not __fish_seen_subcommand_from list show generate help" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and not __fish_seen_subcommand_from list show generate help" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and not __fish_seen_subcommand_from list show generate help" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and not __fish_seen_subcommand_from list show generate help" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and not __fish_seen_subcommand_from list show generate help" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and not __fish_seen_subcommand_from list show generate help" -f -a "list" -d 'List the built-in event types (and those in --fixtures-dir)'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and not __fish_seen_subcommand_from list show generate help" -f -a "show" -d 'Print a fixture\'s payload as it would be sent'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and not __fish_seen_subcommand_from list show generate help" -f -a "generate" -d 'Write signed fixtures for CI: exact bodies, headers, a manifest and a replay script'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and not __fish_seen_subcommand_from list show generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from list" -s p -l provider -d 'Only this provider\'s event types' -r -f -a "stripe\t''
github\t''
standard\t''
twilio\t''
sendgrid\t''
shopify\t''
slack\t''
paddle\t''
linear\t''
zoom\t''
razorpay\t''
square\t''
discord\t''
clerk\t''
resend\t''
mailgun\t''
gitlab\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from list" -l fixtures-dir -d 'Extra directory of NAME.json fixtures. Repeatable' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from list" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from list" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from list" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from list" -l json -d 'One JSON object per line: {"provider", "name", "origin"}'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from list" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from show" -s p -l provider -d 'Signing scheme (default: from the event name or payload)' -r -f -a "stripe\t''
github\t''
standard\t''
twilio\t''
sendgrid\t''
shopify\t''
slack\t''
paddle\t''
linear\t''
zoom\t''
razorpay\t''
square\t''
discord\t''
clerk\t''
resend\t''
mailgun\t''
gitlab\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from show" -l set -d 'Set a payload field: dotted path = JSON value (strings need no quotes). Repeatable' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from show" -l unset -d 'Remove a payload field by dotted path. Repeatable' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from show" -l timestamp -d 'Unix timestamp to sign with and to use as `created` (default: now)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from show" -l seed -d 'Seed for event and request ids; with --timestamp, output is byte-identical across runs' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from show" -l fixtures-dir -d 'Extra directory of NAME.json fixtures, searched before the built-ins. Repeatable' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from show" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from show" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from show" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from show" -l json -d 'One JSON object: {"name", "provider", "event_type", "event_id", "timestamp", "payload"}'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from show" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -s o -l out -d 'Directory to create; refused if it exists and is not empty, unless --force' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -l prefix -d 'Every built-in event type whose name starts with PREFIX' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -s s -l secret -d 'Signing secret (default: the provider\'s variable, e.g. STRIPE_WEBHOOK_SECRET)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -l to -d 'Target the replay script posts to: port, host:port/path or URL [default: localhost:4242]' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -s p -l provider -d 'Signing scheme (default: from the event name or payload)' -r -f -a "stripe\t''
github\t''
standard\t''
twilio\t''
sendgrid\t''
shopify\t''
slack\t''
paddle\t''
linear\t''
zoom\t''
razorpay\t''
square\t''
discord\t''
clerk\t''
resend\t''
mailgun\t''
gitlab\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -l set -d 'Set a payload field: dotted path = JSON value (strings need no quotes). Repeatable' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -l unset -d 'Remove a payload field by dotted path. Repeatable' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -l timestamp -d 'Unix timestamp to sign with and to use as `created` (default: now)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -l seed -d 'Seed for event and request ids; with --timestamp, output is byte-identical across runs' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -l fixtures-dir -d 'Extra directory of NAME.json fixtures, searched before the built-ins. Repeatable' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -l all -d 'Every built-in event type (of --provider, default stripe)'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -l force -d 'Replace DIR if it already holds files'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -l json -d 'Print one JSON object describing what was written: {"out", "count", "manifest"}'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from generate" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the built-in event types (and those in --fixtures-dir)'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print a fixture\'s payload as it would be sent'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Write signed fixtures for CI: exact bodies, headers, a manifest and a replay script'
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookcli -n "__fish_hookcli_using_subcommand completions" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand completions" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand completions" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand completions" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand completions" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_using_subcommand completions" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand man" -l out -d 'Write every page (hookcli.1, hookcli-sign.1, …) into DIR instead' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand man" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand man" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand man" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand man" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand man" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_using_subcommand man" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and not __fish_seen_subcommand_from info clear help" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and not __fish_seen_subcommand_from info clear help" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and not __fish_seen_subcommand_from info clear help" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and not __fish_seen_subcommand_from info clear help" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and not __fish_seen_subcommand_from info clear help" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and not __fish_seen_subcommand_from info clear help" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and not __fish_seen_subcommand_from info clear help" -f -a "info" -d 'The store\'s path, size, bounds and row counts'
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and not __fish_seen_subcommand_from info clear help" -f -a "clear" -d 'Delete everything recorded (asks first on a terminal)'
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and not __fish_seen_subcommand_from info clear help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and __fish_seen_subcommand_from info" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and __fish_seen_subcommand_from info" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and __fish_seen_subcommand_from info" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and __fish_seen_subcommand_from info" -l json -d 'One JSON object: {"path", "bytes", "tables": {name: rows}, "max_age_days", "max_rows"}'
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and __fish_seen_subcommand_from info" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and __fish_seen_subcommand_from info" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and __fish_seen_subcommand_from clear" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and __fish_seen_subcommand_from clear" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and __fish_seen_subcommand_from clear" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and __fish_seen_subcommand_from clear" -s y -l yes -d 'Do not ask; required when not on a terminal'
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and __fish_seen_subcommand_from clear" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and __fish_seen_subcommand_from clear" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "info" -d 'The store\'s path, size, bounds and row counts'
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Delete everything recorded (asks first on a terminal)'
complete -c hookcli -n "__fish_hookcli_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookcli -n "__fish_hookcli_using_subcommand config" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand config" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand config" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand config" -l init -d 'Write a commented hookcli.toml in the current directory (refuses to overwrite one)'
complete -c hookcli -n "__fish_hookcli_using_subcommand config" -l json -d 'One JSON object: {"file", "settings": {name: {"value", "source"}}}'
complete -c hookcli -n "__fish_hookcli_using_subcommand config" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand config" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_using_subcommand config" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -l port -d 'Port to listen on; 0 picks a free one (the first line printed says which) [default: 4242]' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -l host -d 'Address to bind. Anything but loopback exposes the endpoint to your network' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -l path -d 'Accept only this path and the paths below it (others get 404). Default: every path' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -s p -l provider -d 'Signing scheme (default: detected per request from its headers)' -r -f -a "stripe\t''
github\t''
standard\t''
twilio\t''
sendgrid\t''
shopify\t''
slack\t''
paddle\t''
linear\t''
zoom\t''
razorpay\t''
square\t''
discord\t''
clerk\t''
resend\t''
mailgun\t''
gitlab\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -s s -l secret -d 'The endpoint\'s signing secret; repeat for a rotation (any of them verifies). Without it, the provider\'s primary variable (STRIPE_WEBHOOK_SECRET, …); the other variables (…_TEST, …_LIVE) are candidates: a request signed with one is rejected as wrong_secret, naming it' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -l tolerance -d 'Accepted timestamp age in seconds, either direction [default: the provider\'s own window: 300, Paddle 5, Linear 60]' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -l url -d 'The URL the provider calls, for schemes that sign it (Twilio); default: rebuilt from each request\'s target and Host (X-Forwarded-Proto/-Host when a proxy sets them)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -l respond -d 'Answer every request with this status and/or after this delay, e.g. 500, 200:3s, :800ms' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -l forward-to -d 'Proxy mode: forward each request byte for byte to your app and answer as it does' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -l forward-timeout -d 'Give up on the app after this long (proxy mode)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -l budget -d 'Flag an app that answers slower than this (GitHub gives up at 10 s)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -l max-body -d 'Largest body accepted, e.g. 5MiB, 512KiB, 100000; larger gets 413 (GitHub sends up to 25 MB)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -l json -d 'One JSON object per line on stdout: the listening address, each request, the summary'
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -l diagnose -d 'Print the full diagnosis and signature diff under every failed request'
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_using_subcommand listen" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and not __fish_seen_subcommand_from list show help" -l type -d 'Only this event type; a trailing * matches a prefix (invoice.*)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and not __fish_seen_subcommand_from list show help" -l verdict -d 'Only valid or only invalid requests' -r -f -a "valid\t''
invalid\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and not __fish_seen_subcommand_from list show help" -l since -d 'Only requests received since then: a duration ago (30m, 2h, 7d) or an RFC 3339 time' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and not __fish_seen_subcommand_from list show help" -l limit -d 'List at most this many, newest first' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and not __fish_seen_subcommand_from list show help" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and not __fish_seen_subcommand_from list show help" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and not __fish_seen_subcommand_from list show help" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and not __fish_seen_subcommand_from list show help" -l dead-letters -d 'Only dead letters: requests the app did not accept in proxy mode'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and not __fish_seen_subcommand_from list show help" -l json -d 'One JSON object per request'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and not __fish_seen_subcommand_from list show help" -l body -d 'With ID: print only the exact body bytes'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and not __fish_seen_subcommand_from list show help" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and not __fish_seen_subcommand_from list show help" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and not __fish_seen_subcommand_from list show help" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and not __fish_seen_subcommand_from list show help" -a "list" -d 'List recorded requests, newest first'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and not __fish_seen_subcommand_from list show help" -a "show" -d 'Show one recorded request in full'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and not __fish_seen_subcommand_from list show help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from list" -l type -d 'Only this event type; a trailing * matches a prefix (invoice.*)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from list" -l verdict -d 'Only valid or only invalid requests' -r -f -a "valid\t''
invalid\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from list" -l since -d 'Only requests received since then: a duration ago (30m, 2h, 7d) or an RFC 3339 time' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from list" -l limit -d 'List at most this many, newest first' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from list" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from list" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from list" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from list" -l dead-letters -d 'Only dead letters: requests the app did not accept in proxy mode'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from list" -l json -d 'One JSON object per request'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from list" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from show" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from show" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from show" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from show" -l body -d 'Print only the exact body bytes'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from show" -l json -d 'One JSON object'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from show" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "list" -d 'List recorded requests, newest first'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one recorded request in full'
complete -c hookcli -n "__fish_hookcli_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookcli -n "__fish_hookcli_using_subcommand replay" -l type -d 'Only this event type; a trailing * matches a prefix (invoice.*)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand replay" -l verdict -d 'Only valid or only invalid requests' -r -f -a "valid\t''
invalid\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand replay" -l since -d 'Only requests received since then: a duration ago (30m, 2h, 7d) or an RFC 3339 time' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand replay" -l to -d 'Where to send (default: the URL each request was forwarded to by `listen --forward-to`)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand replay" -s s -l secret -d 'Secrets to re-sign with, as `verify` takes them; a request is re-signed with a fresh timestamp when one of them is the secret that verified it' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand replay" -l timeout -d 'Give up on each delivery after this long' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand replay" -l limit -d 'At most this many requests from a filter, newest first' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand replay" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand replay" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand replay" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand replay" -l dead-letters -d 'Only dead letters: requests the app did not accept in proxy mode'
complete -c hookcli -n "__fish_hookcli_using_subcommand replay" -l no-resign -d 'Send the stored headers unchanged (no fresh signature)'
complete -c hookcli -n "__fish_hookcli_using_subcommand replay" -l json -d 'One JSON object per replayed request'
complete -c hookcli -n "__fish_hookcli_using_subcommand replay" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand replay" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_using_subcommand replay" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -s t -l to -d 'The endpoint to audit: port, :port, host:port[/path] or a full http(s):// URL [default: localhost:4242]' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -s p -l provider -d 'Provider profile: stripe, github, standard, shopify, slack, zoom, discord, twilio or sendgrid (default: from hookcli.toml, else stripe)' -r -f -a "stripe\t''
github\t''
standard\t''
twilio\t''
sendgrid\t''
shopify\t''
slack\t''
paddle\t''
linear\t''
zoom\t''
razorpay\t''
square\t''
discord\t''
clerk\t''
resend\t''
mailgun\t''
gitlab\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -s s -l secret -d 'The secret the app should verify with; repeat to add candidates (the first is the one it should hold). Key-pair providers (sendgrid): a private key, default hookcli\'s local test key' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -l budget -d 'The provider\'s timeout for an answer (default: per provider, e.g. 30s for Stripe, 10s for GitHub)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -l probe-url -d 'URL whose GET answers with the app\'s side-effect count (an integer, or JSON with one number)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -l only -d 'Run only these checks (comma-separated ids, repeatable)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -l skip -d 'Do not run these checks (comma-separated ids, repeatable)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -l fail-on -d 'Lowest severity whose failure fails the run (exit 1)' -r -f -a "critical\t''
warning\t''
info\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -s f -l format -d 'Report format' -r -f -a "human\t'Grouped lines, failures explained, a summary'
json\t'One JSON document (docs/json.md)'
junit\t'JUnit XML, one testcase per check'"
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -l max-time -d 'Stop sending once the answers have taken this long in total' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -l seed -d 'Seed for event ids (default: random)' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -l json -d 'Same as --format json'
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -l allow-remote -d 'Allow a target that is not a loopback address (the audit sends forged, oversized and malformed requests)'
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -s k -l insecure -d 'Accept any TLS certificate (self-signed local https)'
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookcli -n "__fish_hookcli_using_subcommand check" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand keys" -s p -l provider -d 'Only this provider (default: every provider that signs with a key pair)' -r -f -a "stripe\t''
github\t''
standard\t''
twilio\t''
sendgrid\t''
shopify\t''
slack\t''
paddle\t''
linear\t''
zoom\t''
razorpay\t''
square\t''
discord\t''
clerk\t''
resend\t''
mailgun\t''
gitlab\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand keys" -s s -l secret -d 'A private key (PKCS#8 or SEC1 PEM): print its verification key instead of the local test key\'s' -r
complete -c hookcli -n "__fish_hookcli_using_subcommand keys" -l store -d 'Event store database (default: $HOOKCLI_STORE, else ~/.local/share/hookcli/events.db)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand keys" -l config -d 'Project config file (default: hookcli.toml here or in a parent directory)' -r -F
complete -c hookcli -n "__fish_hookcli_using_subcommand keys" -l color -d 'When to use colour: auto (a terminal, unless NO_COLOR), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookcli -n "__fish_hookcli_using_subcommand keys" -l json -d 'One JSON object per provider: {"provider", "algorithm", "verification_key", "pem", "fingerprint", "env", "source", "private_key_path", "created"}'
complete -c hookcli -n "__fish_hookcli_using_subcommand keys" -l no-store -d 'Do not record anything in the event store'
complete -c hookcli -n "__fish_hookcli_using_subcommand keys" -s h -l help -d 'Print help'
complete -c hookcli -n "__fish_hookcli_using_subcommand keys" -s V -l version -d 'Print version'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and not __fish_seen_subcommand_from sign verify send fixtures completions man store config listen events replay check keys help" -f -a "sign" -d 'Sign one event and print the request (headers and exact body)'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and not __fish_seen_subcommand_from sign verify send fixtures completions man store config listen events replay check keys help" -f -a "verify" -d 'Verify a captured request\'s signature and explain why it fails'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and not __fish_seen_subcommand_from sign verify send fixtures completions man store config listen events replay check keys help" -f -a "send" -d 'Deliver signed events to a local endpoint: retries, duplicates, order, load'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and not __fish_seen_subcommand_from sign verify send fixtures completions man store config listen events replay check keys help" -f -a "fixtures" -d 'List, show and generate signed fixtures'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and not __fish_seen_subcommand_from sign verify send fixtures completions man store config listen events replay check keys help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and not __fish_seen_subcommand_from sign verify send fixtures completions man store config listen events replay check keys help" -f -a "man" -d 'Print a man page (roff): hookcli\'s, or a subcommand\'s (`hookcli man sign`)'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and not __fish_seen_subcommand_from sign verify send fixtures completions man store config listen events replay check keys help" -f -a "store" -d 'Where the event store is and what it holds (`store` alone is `store info`); clear it'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and not __fish_seen_subcommand_from sign verify send fixtures completions man store config listen events replay check keys help" -f -a "config" -d 'Show the effective settings and where each comes from (flag, env, hookcli.toml, default)'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and not __fish_seen_subcommand_from sign verify send fixtures completions man store config listen events replay check keys help" -f -a "listen" -d 'Receive webhooks on a local endpoint: verify, diagnose, record, optionally proxy to your app'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and not __fish_seen_subcommand_from sign verify send fixtures completions man store config listen events replay check keys help" -f -a "events" -d 'List and show the requests `listen` recorded'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and not __fish_seen_subcommand_from sign verify send fixtures completions man store config listen events replay check keys help" -f -a "replay" -d 'Resend recorded requests (one, a filter, or the dead letters), re-signed when the secret is known'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and not __fish_seen_subcommand_from sign verify send fixtures completions man store config listen events replay check keys help" -f -a "check" -d 'Audit a running endpoint: genuine, forged, duplicated and malformed deliveries, graded'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and not __fish_seen_subcommand_from sign verify send fixtures completions man store config listen events replay check keys help" -f -a "keys" -d 'Print the verification key to configure an app with, for providers that sign with a key pair (SendGrid)'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and not __fish_seen_subcommand_from sign verify send fixtures completions man store config listen events replay check keys help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and __fish_seen_subcommand_from fixtures" -f -a "list" -d 'List the built-in event types (and those in --fixtures-dir)'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and __fish_seen_subcommand_from fixtures" -f -a "show" -d 'Print a fixture\'s payload as it would be sent'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and __fish_seen_subcommand_from fixtures" -f -a "generate" -d 'Write signed fixtures for CI: exact bodies, headers, a manifest and a replay script'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and __fish_seen_subcommand_from store" -f -a "info" -d 'The store\'s path, size, bounds and row counts'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and __fish_seen_subcommand_from store" -f -a "clear" -d 'Delete everything recorded (asks first on a terminal)'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "list" -d 'List recorded requests, newest first'
complete -c hookcli -n "__fish_hookcli_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "show" -d 'Show one recorded request in full'

# Built-in event names for EVENT arguments (added by hookcli).
complete -c hookcli -n "__fish_hookcli_using_subcommand sign" -a "accepted account.application.authorized account.application.deauthorized account.external_account.created account.external_account.deleted account.external_account.updated account.updated adjustment.created app/uninstalled app_home_opened app_mention app_uninstalled application_fee.created application_fee.refund.updated application_fee.refunded apps.install.created apps.install.deleted apps.install.updated balance.available balance_settings.updated billing.alert.triggered billing.credit_balance_transaction.created billing.credit_grant.created billing.credit_grant.updated billing.meter.created billing.meter.deactivated billing.meter.reactivated billing.meter.updated billing_portal.configuration.created billing_portal.configuration.updated billing_portal.session.created block_actions bounce build call.received call.status capability.updated cash_balance.funds_available charge.captured charge.dispute.closed charge.dispute.created charge.dispute.funds_reinstated charge.dispute.funds_withdrawn charge.dispute.updated charge.expired charge.failed charge.pending charge.refund.updated charge.refunded charge.succeeded charge.updated check_suite.completed checkout.session.async_payment_failed checkout.session.async_payment_succeeded checkout.session.completed checkout.session.expired checkouts/create checkouts/update click clicked climate.order.canceled climate.order.created climate.order.delayed climate.order.delivered climate.order.product_substituted climate.product.created climate.product.pricing_updated collections/create collections/delete collections/update com.twilio.messaging.inbound-message.received com.twilio.messaging.message.delivered comment.create comment.update complained contact.created coupon.created coupon.deleted coupon.updated credit_note.created credit_note.updated credit_note.voided customer.created customer.deleted customer.discount.created customer.discount.deleted customer.discount.updated customer.source.created customer.source.deleted customer.source.expiring customer.source.updated customer.subscription.created customer.subscription.deleted customer.subscription.paused customer.subscription.pending_update_applied customer.subscription.pending_update_expired customer.subscription.resumed customer.subscription.trial_will_end customer.subscription.updated customer.tax_id.created customer.tax_id.deleted customer.tax_id.updated customer.updated customer_cash_balance_transaction.created customers/create customers/data_request customers/disable customers/enable customers/redact customers/update cycle.create deferred delivered deployment domain.updated draft_orders/create draft_orders/delete draft_orders/update dropped email.bounced email.clicked email.complained email.created email.delivered email.delivery_delayed email.failed email.opened email.sent endpoint.url_validation entitlements.active_entitlement_summary.updated event.application_authorized event.application_deauthorized event.entitlement_create event.ping file.created financial_connections.account.account_numbers_updated financial_connections.account.created financial_connections.account.deactivated financial_connections.account.disconnected financial_connections.account.expected_deactivation_date_updated financial_connections.account.reactivated financial_connections.account.refreshed_balance financial_connections.account.refreshed_ownership financial_connections.account.refreshed_transactions financial_connections.account.supported_payment_method_types_updated financial_connections.account.upcoming_account_number_expiry financial_connections.account.upcoming_deactivation financial_connections.authorization.expected_deactivation_date_updated financial_connections.authorization.upcoming_deactivation fulfillments/create fulfillments/update group_resubscribe group_unsubscribe identity.verification_session.canceled identity.verification_session.created identity.verification_session.processing identity.verification_session.redacted identity.verification_session.requires_input identity.verification_session.verified interaction.application_command interaction.autocomplete interaction.button interaction.modal_submit interaction.ping interaction.select_menu interaction.user_command inventory_levels/connect inventory_levels/update invoice.created invoice.deleted invoice.finalization_failed invoice.finalized invoice.marked_uncollectible invoice.overdue invoice.overpaid invoice.paid invoice.payment_action_required invoice.payment_attempt_required invoice.payment_failed invoice.payment_made invoice.payment_succeeded invoice.sent invoice.upcoming invoice.updated invoice.voided invoice.will_be_due invoice_payment.paid invoiceitem.created invoiceitem.deleted issue.create issue.open issue.remove issue.update issue_comment.created issue_label.create issues.opened issuing_authorization.created issuing_authorization.request issuing_authorization.updated issuing_card.created issuing_card.updated issuing_cardholder.created issuing_cardholder.updated issuing_dispute.closed issuing_dispute.created issuing_dispute.funds_reinstated issuing_dispute.funds_rescinded issuing_dispute.submitted issuing_dispute.updated issuing_personalization_design.activated issuing_personalization_design.deactivated issuing_personalization_design.rejected issuing_personalization_design.updated issuing_token.created issuing_token.updated issuing_transaction.created issuing_transaction.purchase_details_receipt_updated issuing_transaction.updated locations/create locations/update mandate.updated meeting.created meeting.deleted meeting.ended meeting.participant_joined meeting.participant_left meeting.started member_joined_channel merge_request.merge merge_request.open message message.im message.received message.status message_action note open opened order.created order.paid order.updated order_transactions/create orders/cancelled orders/create orders/delete orders/fulfilled orders/paid orders/partially_fulfilled orders/updated organization.created organizationInvitation.created organizationMembership.created payment.authorized payment.captured payment.created payment.dispute.created payment.failed payment.updated payment_intent.amount_capturable_updated payment_intent.canceled payment_intent.created payment_intent.partially_funded payment_intent.payment_failed payment_intent.processing payment_intent.requires_action payment_intent.succeeded payment_link.created payment_link.paid payment_link.updated payment_method.attached payment_method.automatically_updated payment_method.detached payment_method.updated payout.canceled payout.created payout.failed payout.paid payout.reconciliation_completed payout.updated permanent_fail person.created person.deleted person.updated ping pipeline plan.created plan.deleted plan.updated price.created price.deleted price.updated processed product.created product.deleted product.updated products/create products/delete products/update project.update project_update.create promotion_code.created promotion_code.updated pull_request.closed pull_request.opened push quote.accepted quote.canceled quote.created quote.finalized radar.early_fraud_warning.created radar.early_fraud_warning.updated reaction.create reaction_added recording.completed refund.created refund.failed refund.processed refund.updated refunds/create release.create release.published reporting.report_run.failed reporting.report_run.succeeded reporting.report_type.updated reserve.hold.created reserve.hold.updated reserve.plan.created reserve.plan.disabled reserve.plan.expired reserve.plan.updated reserve.release.created review.closed review.opened session.created session.ended setup_intent.canceled setup_intent.created setup_intent.requires_action setup_intent.setup_failed setup_intent.succeeded shop/redact shop/update shortcut sigma.scheduled_query_run.created slash_command source.canceled source.chargeable source.failed source.mandate_notification source.refund_attributes_required source.transaction.created source.transaction.updated spamreport star.created subscription.activated subscription.canceled subscription.cancelled subscription.charged subscription.created subscription.past_due subscription.paused subscription.updated subscription_schedule.aborted subscription_schedule.canceled subscription_schedule.completed subscription_schedule.created subscription_schedule.expiring subscription_schedule.released subscription_schedule.updated tag_push tax.settings.updated tax_rate.created tax_rate.updated team_join temporary_fail terminal.reader.action_failed terminal.reader.action_succeeded terminal.reader.action_updated test_helpers.test_clock.advancing test_helpers.test_clock.created test_helpers.test_clock.deleted test_helpers.test_clock.internal_failure test_helpers.test_clock.ready themes/create themes/publish themes/update three_d_secure.authentication.canceled three_d_secure.authentication.challenge_started three_d_secure.authentication.errored three_d_secure.authentication.failed three_d_secure.authentication.requires_challenge three_d_secure.authentication.requires_submission three_d_secure.authentication.succeeded tokens_revoked topup.canceled topup.created topup.failed topup.reversed topup.succeeded transaction.completed transaction.paid transaction.payment_failed transfer.created transfer.reversed transfer.updated treasury.credit_reversal.created treasury.credit_reversal.posted treasury.debit_reversal.completed treasury.debit_reversal.created treasury.debit_reversal.initial_credit_granted treasury.financial_account.closed treasury.financial_account.created treasury.financial_account.features_status_updated treasury.inbound_transfer.canceled treasury.inbound_transfer.created treasury.inbound_transfer.failed treasury.inbound_transfer.succeeded treasury.outbound_payment.canceled treasury.outbound_payment.created treasury.outbound_payment.expected_arrival_date_updated treasury.outbound_payment.failed treasury.outbound_payment.posted treasury.outbound_payment.returned treasury.outbound_payment.tracking_details_updated treasury.outbound_transfer.canceled treasury.outbound_transfer.created treasury.outbound_transfer.expected_arrival_date_updated treasury.outbound_transfer.failed treasury.outbound_transfer.posted treasury.outbound_transfer.returned treasury.outbound_transfer.tracking_details_updated treasury.received_credit.created treasury.received_credit.failed treasury.received_credit.succeeded treasury.received_debit.created unsubscribe unsubscribed url_verification user.created user.deleted user.updated view_submission webinar.started workflow_run.completed"
complete -c hookcli -n "__fish_hookcli_using_subcommand send" -a "accepted account.application.authorized account.application.deauthorized account.external_account.created account.external_account.deleted account.external_account.updated account.updated adjustment.created app/uninstalled app_home_opened app_mention app_uninstalled application_fee.created application_fee.refund.updated application_fee.refunded apps.install.created apps.install.deleted apps.install.updated balance.available balance_settings.updated billing.alert.triggered billing.credit_balance_transaction.created billing.credit_grant.created billing.credit_grant.updated billing.meter.created billing.meter.deactivated billing.meter.reactivated billing.meter.updated billing_portal.configuration.created billing_portal.configuration.updated billing_portal.session.created block_actions bounce build call.received call.status capability.updated cash_balance.funds_available charge.captured charge.dispute.closed charge.dispute.created charge.dispute.funds_reinstated charge.dispute.funds_withdrawn charge.dispute.updated charge.expired charge.failed charge.pending charge.refund.updated charge.refunded charge.succeeded charge.updated check_suite.completed checkout.session.async_payment_failed checkout.session.async_payment_succeeded checkout.session.completed checkout.session.expired checkouts/create checkouts/update click clicked climate.order.canceled climate.order.created climate.order.delayed climate.order.delivered climate.order.product_substituted climate.product.created climate.product.pricing_updated collections/create collections/delete collections/update com.twilio.messaging.inbound-message.received com.twilio.messaging.message.delivered comment.create comment.update complained contact.created coupon.created coupon.deleted coupon.updated credit_note.created credit_note.updated credit_note.voided customer.created customer.deleted customer.discount.created customer.discount.deleted customer.discount.updated customer.source.created customer.source.deleted customer.source.expiring customer.source.updated customer.subscription.created customer.subscription.deleted customer.subscription.paused customer.subscription.pending_update_applied customer.subscription.pending_update_expired customer.subscription.resumed customer.subscription.trial_will_end customer.subscription.updated customer.tax_id.created customer.tax_id.deleted customer.tax_id.updated customer.updated customer_cash_balance_transaction.created customers/create customers/data_request customers/disable customers/enable customers/redact customers/update cycle.create deferred delivered deployment domain.updated draft_orders/create draft_orders/delete draft_orders/update dropped email.bounced email.clicked email.complained email.created email.delivered email.delivery_delayed email.failed email.opened email.sent endpoint.url_validation entitlements.active_entitlement_summary.updated event.application_authorized event.application_deauthorized event.entitlement_create event.ping file.created financial_connections.account.account_numbers_updated financial_connections.account.created financial_connections.account.deactivated financial_connections.account.disconnected financial_connections.account.expected_deactivation_date_updated financial_connections.account.reactivated financial_connections.account.refreshed_balance financial_connections.account.refreshed_ownership financial_connections.account.refreshed_transactions financial_connections.account.supported_payment_method_types_updated financial_connections.account.upcoming_account_number_expiry financial_connections.account.upcoming_deactivation financial_connections.authorization.expected_deactivation_date_updated financial_connections.authorization.upcoming_deactivation fulfillments/create fulfillments/update group_resubscribe group_unsubscribe identity.verification_session.canceled identity.verification_session.created identity.verification_session.processing identity.verification_session.redacted identity.verification_session.requires_input identity.verification_session.verified interaction.application_command interaction.autocomplete interaction.button interaction.modal_submit interaction.ping interaction.select_menu interaction.user_command inventory_levels/connect inventory_levels/update invoice.created invoice.deleted invoice.finalization_failed invoice.finalized invoice.marked_uncollectible invoice.overdue invoice.overpaid invoice.paid invoice.payment_action_required invoice.payment_attempt_required invoice.payment_failed invoice.payment_made invoice.payment_succeeded invoice.sent invoice.upcoming invoice.updated invoice.voided invoice.will_be_due invoice_payment.paid invoiceitem.created invoiceitem.deleted issue.create issue.open issue.remove issue.update issue_comment.created issue_label.create issues.opened issuing_authorization.created issuing_authorization.request issuing_authorization.updated issuing_card.created issuing_card.updated issuing_cardholder.created issuing_cardholder.updated issuing_dispute.closed issuing_dispute.created issuing_dispute.funds_reinstated issuing_dispute.funds_rescinded issuing_dispute.submitted issuing_dispute.updated issuing_personalization_design.activated issuing_personalization_design.deactivated issuing_personalization_design.rejected issuing_personalization_design.updated issuing_token.created issuing_token.updated issuing_transaction.created issuing_transaction.purchase_details_receipt_updated issuing_transaction.updated locations/create locations/update mandate.updated meeting.created meeting.deleted meeting.ended meeting.participant_joined meeting.participant_left meeting.started member_joined_channel merge_request.merge merge_request.open message message.im message.received message.status message_action note open opened order.created order.paid order.updated order_transactions/create orders/cancelled orders/create orders/delete orders/fulfilled orders/paid orders/partially_fulfilled orders/updated organization.created organizationInvitation.created organizationMembership.created payment.authorized payment.captured payment.created payment.dispute.created payment.failed payment.updated payment_intent.amount_capturable_updated payment_intent.canceled payment_intent.created payment_intent.partially_funded payment_intent.payment_failed payment_intent.processing payment_intent.requires_action payment_intent.succeeded payment_link.created payment_link.paid payment_link.updated payment_method.attached payment_method.automatically_updated payment_method.detached payment_method.updated payout.canceled payout.created payout.failed payout.paid payout.reconciliation_completed payout.updated permanent_fail person.created person.deleted person.updated ping pipeline plan.created plan.deleted plan.updated price.created price.deleted price.updated processed product.created product.deleted product.updated products/create products/delete products/update project.update project_update.create promotion_code.created promotion_code.updated pull_request.closed pull_request.opened push quote.accepted quote.canceled quote.created quote.finalized radar.early_fraud_warning.created radar.early_fraud_warning.updated reaction.create reaction_added recording.completed refund.created refund.failed refund.processed refund.updated refunds/create release.create release.published reporting.report_run.failed reporting.report_run.succeeded reporting.report_type.updated reserve.hold.created reserve.hold.updated reserve.plan.created reserve.plan.disabled reserve.plan.expired reserve.plan.updated reserve.release.created review.closed review.opened session.created session.ended setup_intent.canceled setup_intent.created setup_intent.requires_action setup_intent.setup_failed setup_intent.succeeded shop/redact shop/update shortcut sigma.scheduled_query_run.created slash_command source.canceled source.chargeable source.failed source.mandate_notification source.refund_attributes_required source.transaction.created source.transaction.updated spamreport star.created subscription.activated subscription.canceled subscription.cancelled subscription.charged subscription.created subscription.past_due subscription.paused subscription.updated subscription_schedule.aborted subscription_schedule.canceled subscription_schedule.completed subscription_schedule.created subscription_schedule.expiring subscription_schedule.released subscription_schedule.updated tag_push tax.settings.updated tax_rate.created tax_rate.updated team_join temporary_fail terminal.reader.action_failed terminal.reader.action_succeeded terminal.reader.action_updated test_helpers.test_clock.advancing test_helpers.test_clock.created test_helpers.test_clock.deleted test_helpers.test_clock.internal_failure test_helpers.test_clock.ready themes/create themes/publish themes/update three_d_secure.authentication.canceled three_d_secure.authentication.challenge_started three_d_secure.authentication.errored three_d_secure.authentication.failed three_d_secure.authentication.requires_challenge three_d_secure.authentication.requires_submission three_d_secure.authentication.succeeded tokens_revoked topup.canceled topup.created topup.failed topup.reversed topup.succeeded transaction.completed transaction.paid transaction.payment_failed transfer.created transfer.reversed transfer.updated treasury.credit_reversal.created treasury.credit_reversal.posted treasury.debit_reversal.completed treasury.debit_reversal.created treasury.debit_reversal.initial_credit_granted treasury.financial_account.closed treasury.financial_account.created treasury.financial_account.features_status_updated treasury.inbound_transfer.canceled treasury.inbound_transfer.created treasury.inbound_transfer.failed treasury.inbound_transfer.succeeded treasury.outbound_payment.canceled treasury.outbound_payment.created treasury.outbound_payment.expected_arrival_date_updated treasury.outbound_payment.failed treasury.outbound_payment.posted treasury.outbound_payment.returned treasury.outbound_payment.tracking_details_updated treasury.outbound_transfer.canceled treasury.outbound_transfer.created treasury.outbound_transfer.expected_arrival_date_updated treasury.outbound_transfer.failed treasury.outbound_transfer.posted treasury.outbound_transfer.returned treasury.outbound_transfer.tracking_details_updated treasury.received_credit.created treasury.received_credit.failed treasury.received_credit.succeeded treasury.received_debit.created unsubscribe unsubscribed url_verification user.created user.deleted user.updated view_submission webinar.started workflow_run.completed"
complete -c hookcli -n "__fish_hookcli_using_subcommand fixtures; and __fish_seen_subcommand_from show generate" -a "accepted account.application.authorized account.application.deauthorized account.external_account.created account.external_account.deleted account.external_account.updated account.updated adjustment.created app/uninstalled app_home_opened app_mention app_uninstalled application_fee.created application_fee.refund.updated application_fee.refunded apps.install.created apps.install.deleted apps.install.updated balance.available balance_settings.updated billing.alert.triggered billing.credit_balance_transaction.created billing.credit_grant.created billing.credit_grant.updated billing.meter.created billing.meter.deactivated billing.meter.reactivated billing.meter.updated billing_portal.configuration.created billing_portal.configuration.updated billing_portal.session.created block_actions bounce build call.received call.status capability.updated cash_balance.funds_available charge.captured charge.dispute.closed charge.dispute.created charge.dispute.funds_reinstated charge.dispute.funds_withdrawn charge.dispute.updated charge.expired charge.failed charge.pending charge.refund.updated charge.refunded charge.succeeded charge.updated check_suite.completed checkout.session.async_payment_failed checkout.session.async_payment_succeeded checkout.session.completed checkout.session.expired checkouts/create checkouts/update click clicked climate.order.canceled climate.order.created climate.order.delayed climate.order.delivered climate.order.product_substituted climate.product.created climate.product.pricing_updated collections/create collections/delete collections/update com.twilio.messaging.inbound-message.received com.twilio.messaging.message.delivered comment.create comment.update complained contact.created coupon.created coupon.deleted coupon.updated credit_note.created credit_note.updated credit_note.voided customer.created customer.deleted customer.discount.created customer.discount.deleted customer.discount.updated customer.source.created customer.source.deleted customer.source.expiring customer.source.updated customer.subscription.created customer.subscription.deleted customer.subscription.paused customer.subscription.pending_update_applied customer.subscription.pending_update_expired customer.subscription.resumed customer.subscription.trial_will_end customer.subscription.updated customer.tax_id.created customer.tax_id.deleted customer.tax_id.updated customer.updated customer_cash_balance_transaction.created customers/create customers/data_request customers/disable customers/enable customers/redact customers/update cycle.create deferred delivered deployment domain.updated draft_orders/create draft_orders/delete draft_orders/update dropped email.bounced email.clicked email.complained email.created email.delivered email.delivery_delayed email.failed email.opened email.sent endpoint.url_validation entitlements.active_entitlement_summary.updated event.application_authorized event.application_deauthorized event.entitlement_create event.ping file.created financial_connections.account.account_numbers_updated financial_connections.account.created financial_connections.account.deactivated financial_connections.account.disconnected financial_connections.account.expected_deactivation_date_updated financial_connections.account.reactivated financial_connections.account.refreshed_balance financial_connections.account.refreshed_ownership financial_connections.account.refreshed_transactions financial_connections.account.supported_payment_method_types_updated financial_connections.account.upcoming_account_number_expiry financial_connections.account.upcoming_deactivation financial_connections.authorization.expected_deactivation_date_updated financial_connections.authorization.upcoming_deactivation fulfillments/create fulfillments/update group_resubscribe group_unsubscribe identity.verification_session.canceled identity.verification_session.created identity.verification_session.processing identity.verification_session.redacted identity.verification_session.requires_input identity.verification_session.verified interaction.application_command interaction.autocomplete interaction.button interaction.modal_submit interaction.ping interaction.select_menu interaction.user_command inventory_levels/connect inventory_levels/update invoice.created invoice.deleted invoice.finalization_failed invoice.finalized invoice.marked_uncollectible invoice.overdue invoice.overpaid invoice.paid invoice.payment_action_required invoice.payment_attempt_required invoice.payment_failed invoice.payment_made invoice.payment_succeeded invoice.sent invoice.upcoming invoice.updated invoice.voided invoice.will_be_due invoice_payment.paid invoiceitem.created invoiceitem.deleted issue.create issue.open issue.remove issue.update issue_comment.created issue_label.create issues.opened issuing_authorization.created issuing_authorization.request issuing_authorization.updated issuing_card.created issuing_card.updated issuing_cardholder.created issuing_cardholder.updated issuing_dispute.closed issuing_dispute.created issuing_dispute.funds_reinstated issuing_dispute.funds_rescinded issuing_dispute.submitted issuing_dispute.updated issuing_personalization_design.activated issuing_personalization_design.deactivated issuing_personalization_design.rejected issuing_personalization_design.updated issuing_token.created issuing_token.updated issuing_transaction.created issuing_transaction.purchase_details_receipt_updated issuing_transaction.updated locations/create locations/update mandate.updated meeting.created meeting.deleted meeting.ended meeting.participant_joined meeting.participant_left meeting.started member_joined_channel merge_request.merge merge_request.open message message.im message.received message.status message_action note open opened order.created order.paid order.updated order_transactions/create orders/cancelled orders/create orders/delete orders/fulfilled orders/paid orders/partially_fulfilled orders/updated organization.created organizationInvitation.created organizationMembership.created payment.authorized payment.captured payment.created payment.dispute.created payment.failed payment.updated payment_intent.amount_capturable_updated payment_intent.canceled payment_intent.created payment_intent.partially_funded payment_intent.payment_failed payment_intent.processing payment_intent.requires_action payment_intent.succeeded payment_link.created payment_link.paid payment_link.updated payment_method.attached payment_method.automatically_updated payment_method.detached payment_method.updated payout.canceled payout.created payout.failed payout.paid payout.reconciliation_completed payout.updated permanent_fail person.created person.deleted person.updated ping pipeline plan.created plan.deleted plan.updated price.created price.deleted price.updated processed product.created product.deleted product.updated products/create products/delete products/update project.update project_update.create promotion_code.created promotion_code.updated pull_request.closed pull_request.opened push quote.accepted quote.canceled quote.created quote.finalized radar.early_fraud_warning.created radar.early_fraud_warning.updated reaction.create reaction_added recording.completed refund.created refund.failed refund.processed refund.updated refunds/create release.create release.published reporting.report_run.failed reporting.report_run.succeeded reporting.report_type.updated reserve.hold.created reserve.hold.updated reserve.plan.created reserve.plan.disabled reserve.plan.expired reserve.plan.updated reserve.release.created review.closed review.opened session.created session.ended setup_intent.canceled setup_intent.created setup_intent.requires_action setup_intent.setup_failed setup_intent.succeeded shop/redact shop/update shortcut sigma.scheduled_query_run.created slash_command source.canceled source.chargeable source.failed source.mandate_notification source.refund_attributes_required source.transaction.created source.transaction.updated spamreport star.created subscription.activated subscription.canceled subscription.cancelled subscription.charged subscription.created subscription.past_due subscription.paused subscription.updated subscription_schedule.aborted subscription_schedule.canceled subscription_schedule.completed subscription_schedule.created subscription_schedule.expiring subscription_schedule.released subscription_schedule.updated tag_push tax.settings.updated tax_rate.created tax_rate.updated team_join temporary_fail terminal.reader.action_failed terminal.reader.action_succeeded terminal.reader.action_updated test_helpers.test_clock.advancing test_helpers.test_clock.created test_helpers.test_clock.deleted test_helpers.test_clock.internal_failure test_helpers.test_clock.ready themes/create themes/publish themes/update three_d_secure.authentication.canceled three_d_secure.authentication.challenge_started three_d_secure.authentication.errored three_d_secure.authentication.failed three_d_secure.authentication.requires_challenge three_d_secure.authentication.requires_submission three_d_secure.authentication.succeeded tokens_revoked topup.canceled topup.created topup.failed topup.reversed topup.succeeded transaction.completed transaction.paid transaction.payment_failed transfer.created transfer.reversed transfer.updated treasury.credit_reversal.created treasury.credit_reversal.posted treasury.debit_reversal.completed treasury.debit_reversal.created treasury.debit_reversal.initial_credit_granted treasury.financial_account.closed treasury.financial_account.created treasury.financial_account.features_status_updated treasury.inbound_transfer.canceled treasury.inbound_transfer.created treasury.inbound_transfer.failed treasury.inbound_transfer.succeeded treasury.outbound_payment.canceled treasury.outbound_payment.created treasury.outbound_payment.expected_arrival_date_updated treasury.outbound_payment.failed treasury.outbound_payment.posted treasury.outbound_payment.returned treasury.outbound_payment.tracking_details_updated treasury.outbound_transfer.canceled treasury.outbound_transfer.created treasury.outbound_transfer.expected_arrival_date_updated treasury.outbound_transfer.failed treasury.outbound_transfer.posted treasury.outbound_transfer.returned treasury.outbound_transfer.tracking_details_updated treasury.received_credit.created treasury.received_credit.failed treasury.received_credit.succeeded treasury.received_debit.created unsubscribe unsubscribed url_verification user.created user.deleted user.updated view_submission webinar.started workflow_run.completed"
