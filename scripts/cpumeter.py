#!/usr/bin/env python3
"""python3 scripts/cpumeter.py CMD...: runs CMD, samples every 50 ms the CPU (utime + stime, /proc/PID/stat) of
its process tree, and of the Chromium processes that carry the --user-data-dir of a Chromium in that tree (the
zygote's renderers are not its descendants); prints CPU seconds per kind of process and in total. A process's
last < 50 ms are not seen: a measure for comparing runs (README "Tests"), not an exact account."""
import os, sys, time, subprocess
HZ = os.sysconf('SC_CLK_TCK')
proc = subprocess.Popen(sys.argv[1:])
root = proc.pid
seen = {}  # pid -> (starttime, cpu ticks)
cat = {}
dirs = set()
def scan():
    parents = {}; info = {}
    for d in os.listdir('/proc'):
        if not d.isdigit(): continue
        try:
            with open(f'/proc/{d}/stat') as f: st = f.read()
            rest = st[st.rindex(')')+2:].split()
            ppid = int(rest[1]); ut = int(rest[11]); stt = int(rest[12]); start = int(rest[19])
            parents[int(d)] = ppid; info[int(d)] = (start, ut + stt)
        except Exception: pass
    mine = set()
    for pid in info:
        p = pid; hops = 0
        while p and p != 1 and hops < 50:
            if p == root: mine.add(pid); break
            p = parents.get(p, 0); hops += 1
    for pid in info:
        try:
            with open(f'/proc/{pid}/cmdline','rb') as f: cmd = f.read().decode(errors='ignore')
        except Exception: continue
        if pid in mine and 'chromium' in cmd:
            for part in cmd.split('\0'):
                if part.startswith('--user-data-dir='): dirs.add(part)
        elif pid not in mine and 'chromium' in cmd and any(d in cmd for d in dirs):
            mine.add(pid)
        if pid in mine and (pid, info[pid][0]) not in cat:
            c = 'other'
            if 'chromium' in cmd:
                import re
                m = re.search(r'--type=([\w-]+)', cmd); u = re.search(r'--utility-sub-type=([\w.]+)', cmd)
                c = 'chromium:' + (m.group(1) if m else 'browser') + (':' + u.group(1) if u else '')
            elif 'vitest' in cmd: c = 'node:vitest'
            elif 'node' in cmd: c = 'node:other'
            cat[(pid, info[pid][0])] = c
    for pid in mine:
        start, cpu = info[pid]
        key = (pid, start)
        seen[key] = max(seen.get(key, 0), cpu)
t0 = time.time()
while proc.poll() is None:
    scan(); time.sleep(0.05)
by = {}
for k, v in seen.items(): by[cat.get(k, '?')] = by.get(cat.get(k, '?'), 0) + v
print('[cpumeter] ' + ', '.join(f'{k} {v/HZ:.1f}' for k, v in sorted(by.items(), key=lambda x: -x[1])), file=sys.stderr)
print(f'[cpumeter] wall {time.time()-t0:.1f} s, CPU {sum(seen.values())/HZ:.1f} s over {len(seen)} processes, rc {proc.returncode}', file=sys.stderr)
sys.exit(proc.returncode)
