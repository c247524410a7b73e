#!/bin/sh
# Install the Debian packages the build and the tests need, if any is missing.
# Says what it installs; prints nothing and does nothing when all is there.
set -e
need=""
for pkg in "$@"; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
		need="$need $pkg"
done
[ -z "$need" ] && exit 0
echo "Installing missing packages:$need"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq || echo "apt-get update failed; trying the install with the lists we have"
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $need >/dev/null
echo "Installed:$need"
