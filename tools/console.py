#!/usr/bin/env python3
"""make console: type into the console of the kernel `make debug` runs, and see
what it prints. The terminal is put in raw mode, so that ^C, ^Z and ^\\ reach the
kernel's tty as keys; Ctrl-] quits (as in telnet).

  tools/console.py [SOCKET]   (default: build/console.sock)
"""
import os
import select
import socket
import sys
import termios
import tty

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUIT = b"\x1d"  # Ctrl-]


def relay(sock, fd_in, fd_out):
    """Copy keys to the socket and its output to the terminal until Ctrl-] or EOF."""
    while True:
        ready, _, _ = select.select([sock, fd_in], [], [])
        if sock in ready:
            data = sock.recv(4096)
            if not data:
                return "the kernel's console closed (QEMU ended)"
            os.write(fd_out, data)
        if fd_in in ready:
            data = os.read(fd_in, 1024)
            if not data or QUIT in data:
                sock.sendall(data.split(QUIT)[0])
                return None
            sock.sendall(data)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "console.sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(path)
    except OSError as e:
        sys.exit(f"console: cannot connect to {path} ({e.strerror}): is `make debug` running?")
    print(f"Connected to {path}. Ctrl-] quits.", flush=True)
    fd_in, fd_out = sys.stdin.fileno(), sys.stdout.fileno()
    saved = termios.tcgetattr(fd_in) if os.isatty(fd_in) else None
    try:
        if saved:
            tty.setraw(fd_in)
        why = relay(sock, fd_in, fd_out)
    finally:
        if saved:
            termios.tcsetattr(fd_in, termios.TCSADRAIN, saved)
    if why:
        print(f"\nconsole: {why}")


if __name__ == "__main__":
    main()
