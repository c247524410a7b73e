#!/bin/sh
# Rebuild the committed host-test fixtures in this folder (run from the
# repository root: tests/host/data/mkfixtures.sh). The tests check exact
# names, modes, times and contents, so keep this in step with them.
set -e
dir=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# initramfs.cpio (newc) and initramfs-crc.cpio (070702): a small root tree.
mkdir -p "$tmp/root/bin" "$tmp/root/etc"
printf 'hello, world\n' > "$tmp/root/bin/hello"
printf '#!/bin/sh\necho init\n' > "$tmp/root/init"
printf 'linked\n' > "$tmp/root/etc/a"
ln "$tmp/root/etc/a" "$tmp/root/etc/b"
: > "$tmp/root/etc/empty"
ln -s hello "$tmp/root/bin/sh"
chmod 755 "$tmp/root/bin" "$tmp/root/etc" "$tmp/root/bin/hello" "$tmp/root/init"
chmod 644 "$tmp/root/etc/a" "$tmp/root/etc/empty"
(cd "$tmp/root" && touch -h -d @1234567890 bin bin/hello bin/sh etc etc/a etc/empty init)
list='bin
bin/hello
bin/sh
etc
etc/a
etc/b
etc/empty
init'
(cd "$tmp/root" && printf '%s\n' "$list" |
	cpio --quiet -o -H newc --reproducible -R 0:0 > "$dir/initramfs.cpio")
(cd "$tmp/root" && printf '%s\n' "$list" |
	cpio --quiet -o -H crc --reproducible -R 0:0 > "$dir/initramfs-crc.cpio")

# static-arm.elf: a static EABI5 executable with a text and a data segment,
# as user programs are built (newlib's toolchain, no C library needed).
arm-none-eabi-gcc -march=armv7-a -marm -mfloat-abi=soft -static -nostdlib -O2 \
	-Wl,--build-id=none -o "$dir/static-arm.elf" "$dir/static-arm.c"
arm-none-eabi-strip "$dir/static-arm.elf"
