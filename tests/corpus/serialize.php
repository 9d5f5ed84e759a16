<?php
// Re-encodes the JSON on stdin as PHP's json extension would, in the way
// named by $argv[1]; writes the bytes to stdout. Part of the diagnosis
// corpus (tests/it/corpus.rs).
$s = stream_get_contents(STDIN);
switch ($argv[1]) {
    case "default":
        $out = json_encode(json_decode($s));
        break;
    case "assoc":
        $out = json_encode(json_decode($s, true));
        break;
    case "pretty":
        $out = json_encode(json_decode($s), JSON_PRETTY_PRINT);
        break;
    case "unescaped":
        $out = json_encode(json_decode($s), JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
        break;
    default:
        fwrite(STDERR, "unknown case {$argv[1]}\n");
        exit(2);
}
if ($out === false) {
    fwrite(STDERR, json_last_error_msg() . "\n");
    exit(1);
}
fwrite(STDOUT, $out);
