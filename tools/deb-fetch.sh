#!/bin/sh
# Download Debian armhf packages (or another architecture's, named
# PACKAGE:ARCH, e.g. libc6:armel) with apt-get, without touching the host's
# apt or dpkg configuration: apt runs with a sources list and state
# folders of its own under STATE_DIR; the archive is the one the host's
# own apt already uses for its release (so a local mirror or proxy is
# used as is).
#   usage: tools/deb-fetch.sh STATE_DIR COMPONENTS PACKAGE...
#   e.g.   tools/deb-fetch.sh build/debs/apt main busybox-static libc6
# The .deb files are left in STATE_DIR; their paths are printed, one a
# line, in the order asked. tools/pi-fetch.sh and user/debian.mk use it.
set -eu

state=${1:?usage: tools/deb-fetch.sh STATE_DIR COMPONENTS PACKAGE...}
components=${2:?usage: tools/deb-fetch.sh STATE_DIR COMPONENTS PACKAGE...}
shift 2
[ $# -gt 0 ] || { echo "deb-fetch: no package named" >&2; exit 2; }

mkdir -p "$state"
state=$(cd "$state" && pwd)
mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/sources.list.d"
[ -f "$state/status" ] || : > "$state/status"

# The Debian archive and release this host installs from, as its own
# sources name them: the entry for the host's codename, else its first one
# that is not -security or -updates. Read without release files, which a
# fresh host may not have.
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
# shellcheck disable=SC2016
line=$(apt-get indextargets --no-release-info --format '$(RELEASE) $(REPO_URI)' 2>/dev/null |
	awk -v c="$codename" '$1 == c { print; exit } $1 !~ /-/ && !m { m = $0 } END { if (m) print m }' |
	head -n 1)
suite=${line%% *} uri=${line#* }
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
if [ -z "$line" ] || [ ! -r "$keyring" ]; then
	echo "deb-fetch: needs a Debian host whose apt installs from the Debian archive" >&2
	echo "deb-fetch: (archive '${uri:-none found}', keyring $keyring)" >&2
	exit 1
fi
echo "deb [signed-by=$keyring] $uri $suite $components" > "$state/sources.list"

# armhf, and the other architectures named with PACKAGE:ARCH
arches=armhf
for pkg in "$@"; do
	case $pkg in
	*:*) case ",$arches," in *",${pkg#*:},"*) ;; *) arches="$arches,${pkg#*:}" ;; esac ;;
	esac
done
o="-q -o APT::Architecture=armhf -o APT::Architectures=$arches"
o="$o -o Dir::Etc::SourceList=$state/sources.list -o Dir::Etc::SourceParts=$state/sources.list.d"
o="$o -o Dir::State::Lists=$state/lists -o Dir::State::status=$state/status"
o="$o -o Dir::Cache=$state/cache"
echo "deb-fetch: $* from $uri $suite ($arches)" >&2
# shellcheck disable=SC2086
apt-get $o update > "$state/update.log" 2>&1 || {
	cat "$state/update.log" >&2
	echo "deb-fetch: apt-get update failed" >&2
	exit 1
}

for pkg in "$@"; do
	# A metapackage (linux-image-armmp) stands for the package it depends on.
	case $pkg in
	linux-image-armmp)
		# shellcheck disable=SC2086
		pkg=$(apt-cache $o depends "$pkg" |
			sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*\)$/\1/p' | head -n 1)
		[ -n "$pkg" ] || { echo "deb-fetch: cannot resolve linux-image-armmp" >&2; exit 1; }
		;;
	esac
	name=${pkg%%:*} arch=armhf
	case $pkg in *:*) arch=${pkg#*:} ;; esac
	rm -f "$state/${name}"_*_"$arch".deb "$state/${name}"_*_all.deb
	# shellcheck disable=SC2086
	(cd "$state" && apt-get $o download "$pkg") > "$state/download.log" 2>&1 || {
		cat "$state/download.log" >&2
		echo "deb-fetch: apt-get download $pkg failed" >&2
		exit 1
	}
	ls "$state/${name}"_*_"$arch".deb 2>/dev/null || ls "$state/${name}"_*_all.deb
done
