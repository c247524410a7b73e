#!/usr/bin/env python3
"""vdsomunge: check the vDSO shared object and make it usable by soft- and
hard-float programs alike (Linux 4.19's arch/arm/vdso/vdsomunge.c, plus the
relocation check Linux's vDSO Makefile does with readelf).

usage: vdsomunge.py IN OUT

It must be a 32-bit little-endian ARM ET_DYN of EABI version 5 without the
hard-float flag; the soft-float flag, if the linker set it, is cleared (no
floating-point argument or result crosses the vDSO's functions, and the
C library of a hard-float program would refuse an object marked soft-float).
It must have no relocation section with entries: the kernel maps the image
as it is and nothing relocates it, so an absolute address in it would be
wrong wherever it lands. Any failure leaves no OUT and exits 1."""
import struct
import sys

EF_ARM_EABI_MASK = 0xFF000000
EF_ARM_EABI_VER5 = 0x05000000
EF_ARM_ABI_FLOAT_SOFT = 0x200
EF_ARM_ABI_FLOAT_HARD = 0x400
ET_DYN, EM_ARM = 3, 40
SHT_RELA, SHT_REL = 4, 9


def fail(msg):
    sys.stderr.write("vdsomunge: %s\n" % msg)
    sys.exit(1)


def main():
    if len(sys.argv) != 3:
        fail("Usage: vdsomunge.py [infile] [outfile]")
    image = bytearray(open(sys.argv[1], "rb").read())
    if image[:4] != b"\x7fELF":
        fail("Not an ELF file")
    if image[4] != 1 or image[5] != 1:
        fail("Unsupported ELF class or byte order")
    e_type, e_machine = struct.unpack_from("<HH", image, 16)
    if e_type != ET_DYN:
        fail("Not a shared object")
    if e_machine != EM_ARM:
        fail("Unsupported architecture %#x" % e_machine)
    (e_flags,) = struct.unpack_from("<I", image, 36)
    if e_flags & EF_ARM_EABI_MASK != EF_ARM_EABI_VER5:
        fail("Unsupported EABI version %#x" % (e_flags & EF_ARM_EABI_MASK))
    if e_flags & EF_ARM_ABI_FLOAT_HARD:
        fail("Unexpected hard-float flag set in e_flags")
    e_shoff, = struct.unpack_from("<I", image, 32)
    e_shentsize, e_shnum = struct.unpack_from("<HH", image, 46)
    for i in range(e_shnum):
        sh_type, = struct.unpack_from("<I", image, e_shoff + i * e_shentsize + 4)
        sh_size, = struct.unpack_from("<I", image, e_shoff + i * e_shentsize + 20)
        if sh_type in (SHT_REL, SHT_RELA) and sh_size:
            fail("%s: dynamic relocations are not supported" % sys.argv[1])
    struct.pack_into("<I", image, 36, e_flags & ~EF_ARM_ABI_FLOAT_SOFT)
    open(sys.argv[2], "wb").write(image)


main()
