"""QEMU cases for a real Pi's boot path (issue 5), in tests/qemu/cases.py's format.

The Pi firmware loads kernel7.img at 0x8000 and enters it in HYP mode with
r2 = a device tree or ATAGs, CPUs 1-3 waiting in its stub on their mailbox 3.
QEMU does neither by itself, so these cases boot the kernel with -bios (which
loads it at 0x8000) and start all four CPUs on a stand-in for the firmware's
stub (tests/qemu/hyp_stub.S, at 0x1000); QEMU's generic loader puts the boot
information and the initramfs where the firmware would. One case also boots
QEMU's own way with Debian's real bcm2836-rpi-2-b.dtb.

Their inputs are built by `make pi-test-files` (sdcard.mk), which must run
before tests/qemu/run.py; the addresses below are sdcard.mk's PI_*_ADDR.
"""

STUB_ADDR = "0x1000"
DTB_ADDR = "0x02000000"
ATAGS_ADDR = "0x100"
INITRD_ADDR = "0x04000000"
PI_TEST = "@ROOT@/build/pi-test"
INITRD = "@ROOT@/build/initramfs.cpio"


def firmware_boot(boot_info, stub, addr, initrd=True):
    """QEMU arguments for a boot as the Pi firmware does it."""
    args = ["-device", f"loader,file={PI_TEST}/hyp_stub_{stub}.bin,addr={STUB_ADDR},cpu-num=0"]
    for cpu in (1, 2, 3):
        args += ["-device", f"loader,addr={STUB_ADDR},cpu-num={cpu}"]
    args += ["-device", f"loader,file={boot_info},addr={addr},force-raw=on"]
    if initrd:
        args += ["-device", f"loader,file={INITRD},addr={INITRD_ADDR},force-raw=on"]
    return args


from cases import NO_INITRAMFS  # noqa: E402

SMP = [r"smp: Bringing up secondary CPUs"] + [
    rf"CPU{n}: thread -1, cpu {n}, socket 15, mpidr 80000f0{n}" for n in (1, 2, 3)] + [
    r"smp: Brought up 1 node, 4 CPUs"]
TICKS = [rf"selftest tick: CPU{n}: \d+ timer interrupts in \d+ ms" for n in range(4)] + [
    r"selftest tick: jiffies \+\d+, the counter says \d+\.\.\d+ \(HZ=100\)"]
HYP_ENTRY = r"CPU: entered in HYP mode at 00008000, r0=00000000 r1=00000c42 r2="
CRASH = [r"Kernel panic", r"Internal error", r"Unable to handle", r"rejected"]
# After a rejected device tree: the memory size from the mailbox if the
# kernel asks the firmware, else the 256 MiB default; no command line.
FALLBACK = [r"(No memory size given: assuming 256 MiB|Memory size from the firmware: 960 MiB)",
            r"Kernel command line: $", r"Memory: \d+K/(262144|983040)K available"]

CASES = [
    {
        # QEMU's way with the real device tree: raw image at 0x10000, r2 = the
        # dtb that QEMU filled with -append, -initrd and the RAM size.
        "name": "pi-dtb-debian-qemu-kernel",
        "append": "console=ttyAMA0 selftest=tick",
        "qemu_args": ["-dtb", "@ROOT@/build/pi/bcm2836-rpi-2-b.dtb"],
        "expect": [r"CPU: entered in SVC mode at 00010000", r"Boot information from device tree",
                   r"Kernel command line: console=ttyAMA0 selftest=tick semihosting",
                   r"Memory: \d+K/983040K available"] + SMP
        + [r"Freeing initrd memory: \d+K", r"selftest: passed"],
        "expect_anywhere": TICKS,
        "forbid": CRASH + [r"Boot information \(device tree\):"],
        "exit": 0,
    },
    {
        # The firmware's way with a device tree: HYP at 0x8000, r2 = the dtb,
        # /memory as the firmware writes it, the initramfs from /chosen.
        "name": "pi-firmware-hyp-dtb",
        "bios": True,
        "qemu_args": firmware_boot(f"{PI_TEST}/hyp.dtb", "dtb", DTB_ADDR),
        "expect": [HYP_ENTRY + "02000000", r"Boot information from device tree",
                   r"Kernel command line: console=ttyAMA0,115200 semihosting selftest=tick$",
                   r"Memory: \d+K/983040K available"] + SMP
        + [r"Freeing initrd memory: \d+K", r"selftest: passed"],
        "expect_anywhere": TICKS,
        "forbid": CRASH + [r"No memory size given", r"cut to the linear map"],
        "exit": 0,
    },
    {
        # What build/sdcard.img boots with: no device tree on the card, so the
        # firmware writes ATAGs at 0x100 with its own options before
        # cmdline.txt's, and config.txt's initramfs as ATAG_INITRD2.
        "name": "pi-firmware-hyp-atags",
        "bios": True,
        "qemu_args": firmware_boot(f"{PI_TEST}/atags.bin", "atags", ATAGS_ADDR),
        "expect": [HYP_ENTRY + "00000100", r"Boot information from ATAGs",
                   r"Kernel command line: dma\.dmachans=0x7f35 bcm2709\.boardrev=0xa21041 .*"
                   r"console=ttyAMA0,115200 semihosting selftest=tick$",
                   r"Memory: \d+K/983040K available"] + SMP
        + [r"Freeing initrd memory: \d+K", r"selftest: passed"],
        "expect_anywhere": TICKS,
        "forbid": CRASH + [r"No memory size given"],
        "exit": 0,
    },
    {
        # A device tree cut in half (its header still claims all of it): a
        # clear message, the safe defaults, and a boot that goes on to look for
        # init (the initramfs's place was in the device tree).
        "name": "pi-firmware-dtb-truncated",
        "bios": True,
        "qemu_args": firmware_boot(f"{PI_TEST}/truncated.dtb", "dtb", DTB_ADDR, initrd=False),
        "expect": [HYP_ENTRY + "02000000",
                   r"Boot information \(device tree\) rejected: device tree: \S.*"]
        + FALLBACK + SMP + NO_INITRAMFS,
        "forbid": CRASH[1:3],
        "until": NO_INITRAMFS[-1],
    },
    {
        # A device tree whose first property claims 2 GiB of value.
        "name": "pi-firmware-dtb-corrupt",
        "bios": True,
        "qemu_args": firmware_boot(f"{PI_TEST}/corrupt.dtb", "dtb", DTB_ADDR, initrd=False),
        "expect": [HYP_ENTRY + "02000000",
                   r"Boot information \(device tree\) rejected: device tree: property at 0x8 "
                   r"has length 2147483632, past the end of the structure block"]
        + FALLBACK + SMP + NO_INITRAMFS,
        "forbid": CRASH[1:3],
        "until": NO_INITRAMFS[-1],
    },
    {
        # The mailbox property interface as the kernel uses it at boot
        # (the lines start_kernel prints; QEMU answers as bcm2835_property).
        "name": "pi-mailbox-property",
        "append": "selftest=tick",
        "expect": [r"uart-pl011: clock 3000000 Hz, from the firmware",
                   r"raspberrypi-firmware: board revision 00a21041, ARM memory 00000000-3bffffff",
                   r"selftest: passed"],
        "forbid": [r"raspberrypi-firmware: .*(no answer|status|did not|reshaped|overflows)"],
        "exit": 0,
    },
]
