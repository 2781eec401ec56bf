# Shared by scripts/quickstart and scripts/test: install only what is missing.

# Puts a Swift 6 toolchain on PATH, or says where to get one.
ensure_swift() {
  if ! command -v swift >/dev/null 2>&1; then
    for dir in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
      if [ -x "$dir/swift" ]; then PATH="$dir:$PATH"; export PATH; break; fi
    done
  fi
  if ! command -v swift >/dev/null 2>&1; then
    echo "PayChase needs the Swift 6 toolchain (swift build); install it from swift.org, then run this again." >&2
    exit 69
  fi
}

# ensure_packages PKG...: apt-get installs the Debian packages that are not installed yet.
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "Installing ${missing[*]} ..." >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# python3 reads .eml files back in the tests with its standard email package.
ensure_python3() {
  command -v python3 >/dev/null 2>&1 || ensure_packages python3
}

# Debian packages the build and the program need: libcurl for sending, Pango and Cairo (found
# through pkg-config) for the PDF letters, and the DejaVu fonts the letters are set in.
BUILD_PACKAGES=(tzdata ca-certificates git pkg-config libcurl4-openssl-dev libpango1.0-dev libcairo2-dev fonts-dejavu-core)

# Postfix and Dovecot for the tests' private mail system; Postfix must not ask questions.
ensure_mail_servers() {
  if ! dpkg-query -W -f='${Status}' postfix 2>/dev/null | grep -q "install ok installed"; then
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "postfix postfix/main_mailer_type select No configuration" | $sudo debconf-set-selections
  fi
  # glewlwyd (with sqlite3 for its database) is the identity provider the OAuth 2.0 tests sign in at.
  ensure_packages postfix dovecot-imapd openssl glewlwyd sqlite3 curl
}
