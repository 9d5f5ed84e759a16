# Sourced by the bench scripts.

# need COMMAND PACKAGE: installs Debian's PACKAGE when COMMAND is missing
# (with sudo when not root).
need() {
  command -v "$1" >/dev/null && return
  echo "== $1 is not installed: installing the Debian package $2"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "$2" >/dev/null
}
