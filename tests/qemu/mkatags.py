#!/usr/bin/env python3
"""Write the ATAG list the Pi firmware passes when the card has no device
tree (as build/sdcard.img has none): ATAG_CORE, ATAG_MEM with the ARM's
share of RAM, ATAG_INITRD2 for config.txt's initramfs, ATAG_CMDLINE with the
firmware's own options before cmdline.txt's, ATAG_NONE. The firmware-path
QEMU test (tests/qemu/cases_sdcard.py) loads it at 0x100, where the
firmware puts it, and the HYP stub passes r2 = 0x100.

  tests/qemu/mkatags.py OUT INITRD INITRD_ADDR CMDLINE
"""
import os
import struct
import sys

ATAG_NONE = 0x00000000
ATAG_CORE = 0x54410001
ATAG_MEM = 0x54410002
ATAG_INITRD2 = 0x54420005
ATAG_CMDLINE = 0x54410009

ARM_MEMORY = 0x3C000000  # a Pi 2 with the default gpu_mem=64

# What a Pi 2's firmware puts before cmdline.txt (from a Raspbian boot log;
# the serial number and MAC address are made up).
FIRMWARE_OPTIONS = ("dma.dmachans=0x7f35 bcm2709.boardrev=0xa21041 bcm2709.serial=0x12345678 "
                    "bcm2709.uart_clock=48000000 bcm2709.disk_led_gpio=47 "
                    "bcm2709.disk_led_active_low=0 smsc95xx.macaddr=B8:27:EB:34:56:78 "
                    "vc_mem.mem_base=0x3ec00000 vc_mem.mem_size=0x40000000 ")


def tag(number, words):
    return struct.pack("<2I", 2 + len(words), number) + struct.pack(f"<{len(words)}I", *words)


def main():
    out, initrd, initrd_addr, cmdline = sys.argv[1], sys.argv[2], int(sys.argv[3], 0), sys.argv[4]
    text = (FIRMWARE_OPTIONS + " " + cmdline).encode() + b"\0"
    text += b"\0" * (-len(text) % 4)
    blob = tag(ATAG_CORE, [1, 4096, 0])
    blob += tag(ATAG_MEM, [ARM_MEMORY, 0])
    blob += tag(ATAG_INITRD2, [initrd_addr, os.path.getsize(initrd)])
    blob += tag(ATAG_CMDLINE, list(struct.unpack(f"<{len(text) // 4}I", text)))
    blob += struct.pack("<2I", 0, ATAG_NONE)
    with open(out, "wb") as f:
        f.write(blob)


if __name__ == "__main__":
    main()
