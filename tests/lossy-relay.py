#!/usr/bin/python3
# lossy-relay.py - a UDP relay on 127.0.0.1 that loses, duplicates and
# reorders datagrams, for the fault tests
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: lossy-relay.py --to PORT [--loss P] [--dup P] [--reorder P]
#                       [--seed N] [--parent PID] [--lifetime S]
# Binds 127.0.0.1:0, prints its port on stdout, and relays every datagram
# from its client (the last address that sent to it) to 127.0.0.1:PORT and
# back, in both directions independently:
#   --loss P     drop the datagram with probability P (0..1)
#   --dup P      send it twice with probability P
#   --reorder P  hold it back with probability P until the next datagram in
#                the same direction has gone (or 30 ms have passed)
# The random choices come from --seed, so a run can be replayed. It stops
# when PARENT_PID is gone or after --lifetime seconds (default 600), and
# prints its counts on stderr at exit.

import argparse
import os
import random
import select
import signal
import socket
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--to', type=int, required=True)
    ap.add_argument('--loss', type=float, default=0.0)
    ap.add_argument('--dup', type=float, default=0.0)
    ap.add_argument('--reorder', type=float, default=0.0)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--parent', type=int, default=0)
    ap.add_argument('--lifetime', type=float, default=600)
    a = ap.parse_args()

    rng = random.Random(a.seed)
    front = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    front.bind(('127.0.0.1', 0))
    back = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    back.bind(('127.0.0.1', 0))
    for s in (front, back):
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
    server = ('127.0.0.1', a.to)
    st = {'client': None}
    print(front.getsockname()[1], flush=True)

    counts = {'in': 0, 'lost': 0, 'dup': 0, 'reordered': 0}
    # per direction: a held datagram and when it was held
    held = {'up': None, 'down': None}

    def send(direction, data):
        if direction == 'up':
            back.sendto(data, server)
        elif st['client'] is not None:
            front.sendto(data, st['client'])

    def relay(direction, data):
        counts['in'] += 1
        if rng.random() < a.loss:
            counts['lost'] += 1
            return
        copies = 2 if rng.random() < a.dup else 1
        counts['dup'] += copies - 1
        if held[direction] is None and rng.random() < a.reorder:
            counts['reordered'] += 1
            held[direction] = (data, time.monotonic())
            return
        for _ in range(copies):
            send(direction, data)
        if held[direction] is not None:
            send(direction, held[direction][0])
            held[direction] = None

    signal.signal(signal.SIGTERM, lambda *args: sys.exit(0))
    try:
        loop(a, front, back, held, relay, send, st)
    finally:
        print('lossy-relay: %s' % counts, file=sys.stderr, flush=True)


def loop(a, front, back, held, relay, send, st):
    deadline = time.monotonic() + a.lifetime
    last_check = 0
    while time.monotonic() < deadline:
        now = time.monotonic()
        if a.parent and now - last_check > 0.5:
            last_check = now
            try:
                os.kill(a.parent, 0)
            except OSError:
                break
        r, _, _ = select.select([front, back], [], [], 0.01)
        for s in r:
            data, addr = s.recvfrom(65535)
            if s is front:
                st['client'] = addr
                relay('up', data)
            else:
                relay('down', data)
        now = time.monotonic()
        for d in ('up', 'down'):
            if held[d] is not None and now - held[d][1] > 0.03:
                send(d, held[d][0])
                held[d] = None


if __name__ == '__main__':
    main()
