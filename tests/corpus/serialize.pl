# Re-encodes the JSON on stdin as Perl's JSON::PP would, in the way named
# by $ARGV[0]; writes the bytes to stdout. Part of the diagnosis corpus
# (tests/it/corpus.rs).
use strict;
use warnings;
use JSON::PP;

local $/;
my $in = <STDIN>;
my $case = $ARGV[0];
my $json = JSON::PP->new->utf8;
if ($case eq "canonical") {
    $json->canonical;
} elsif ($case eq "pretty") {
    $json->pretty;
} elsif ($case ne "default") {
    die "unknown case $case\n";
}
binmode STDOUT;
print $json->encode(JSON::PP->new->utf8->decode($in));
