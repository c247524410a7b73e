"""QEMU cases for the student's bench (issue 11): a command typed before the kernel has
set the UART up runs whole, a 64 KiB paste into a busy shell reaches it to the last byte
(flip buffers that grow, the UART throttled while the shell catches up), and as under
`make run` (no -no-reboot, no semihosting) `reboot` boots again, `poweroff` ends QEMU,
and the boot does not claim incoherent caches on an emulator that has none."""
import re

# Our sh's prompt, "# " now and "/ # " (the directory, as ash shows it) to come.
PROMPT = r"(?:/ )?# "
# 64 KiB of "echo lineN" commands, as a user pastes them into the shell.
PASTE_LINES = []
_size = 0
while _size < 64 * 1024:
    PASTE_LINES.append(f"echo line{len(PASTE_LINES) + 1}\n")
    _size += len(PASTE_LINES[-1])
PASTE = "".join(PASTE_LINES)


def check_every_line(text):
    """Every pasted command ran, once, in order (each output line after the prompts)."""
    ran = [int(n) for n in re.findall(rf"^(?:{PROMPT})*line(\d+)\r?$", text, re.M)]
    expected = list(range(1, len(PASTE_LINES) + 1))
    if ran == expected:
        return []
    missing = sorted(set(expected) - set(ran))
    return [f"{len(ran)} of {len(expected)} pasted commands ran; "
            f"missing {missing[:5]}{'...' if len(missing) > 5 else ''}, "
            f"order {'kept' if ran == sorted(ran) else 'broken'}"]


CASES = [
    {
        # One boot for both. The first command is typed at t=0: QEMU holds its
        # first byte in the UART before the kernel runs. Then echo goes off (so
        # that each output line stands alone) and 64 KiB are pasted at once into
        # a shell that reads a byte per read() and runs each line.
        "name": "tty-typed-ahead-and-64k-paste",
        "append": "rdinit=/init",
        "script": [("", "echo typed-ahead\n"),
                   (rf"^(?:{PROMPT})?typed-ahead\r?\n(?:.*\n)*?.*{PROMPT}$", "busybox stty -echo\n"),
                   (rf"stty -echo\r?\n(?:.*\n)*?.*{PROMPT}$", PASTE + "poweroff\n")],
        "expect": [rf"^(?:{PROMPT})?typed-ahead\r?$", r"reboot: Power down"],
        "check": check_every_line,
        "forbid": [r"not found", r"Kernel panic", r"BUG: "],
        "exit": 0,
        "timeout": 60,
    },
    {
        # make run's QEMU and shell: busybox's reboot -f restarts (reboot(2)), its
        # poweroff asks init with SIGUSR2, and the machine's power-off ends QEMU.
        "name": "make-run-reboot-boots-again-poweroff-ends-qemu",
        "append": "console=ttyAMA0 -- /usr/bin/ash -l",
        "semihosting": False,
        "no_reboot": False,
        "script": [(r"^/ # ", "reboot -f\n"),
                   (r"reboot: Restarting system(.|\n)*Kestrel version(.|\n)*^/ # ", "poweroff\n")],
        "expect": [r"Kestrel version",
                   # QEMU has no caches: the boot says so instead of alarming
                   r"CPU: ACTLR.SMP reads 0: this emulator \(QEMU\) does not model it",
                   r"reboot: Restarting system", r"Kestrel version",
                   r"init: SIGUSR2: powering off", r"reboot: Power down"],
        "forbid": [r"not coherent"],
        "exit": 0,
        "timeout": 30,
    },
]
