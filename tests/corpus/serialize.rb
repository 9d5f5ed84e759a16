# Re-encodes the JSON on stdin as Ruby's json library would, in the way
# named by ARGV[0]; writes the bytes to stdout. Part of the diagnosis
# corpus (tests/it/corpus.rs).
require "json"

obj = JSON.parse($stdin.read)
out = case ARGV[0]
      when "generate" then JSON.generate(obj)
      when "pretty_generate" then JSON.pretty_generate(obj)
      else abort "unknown case #{ARGV[0]}"
      end
$stdout.binmode
$stdout.write(out)
