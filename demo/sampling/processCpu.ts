/**
 * CPU time used by whole process groups, read from /proc (Linux): the demo services are spawned detached,
 * so each leads its own group, and summing every member's utime + stime counts whatever tsx or node
 * started beneath it. process.cpuUsage() would only see the benchmark's own process.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface StatFields {
  pid: number;
  pgrp: number;
  /** User + system CPU in clock ticks, all threads of the process. */
  ticks: number;
}

/** Parses one /proc/<pid>/stat line; the command name may hold spaces and parentheses, so split after the last ')'. */
export function parseProcStat(line: string): StatFields | undefined {
  const close = line.lastIndexOf(')');
  if (close < 0) {
    return undefined;
  }
  const pid = Number(line.slice(0, line.indexOf(' ')));
  // After ") ": state(3) ppid(4) pgrp(5) session(6) tty_nr(7) tpgid(8) flags(9) minflt(10) cminflt(11)
  // majflt(12) cmajflt(13) utime(14) stime(15): index 0 here is field 3.
  const rest = line
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const pgrp = Number(rest[2]);
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (![pid, pgrp, utime, stime].every(Number.isFinite)) {
    return undefined;
  }
  return { pid, pgrp, ticks: utime + stime };
}

let ticksPerSecond: number | undefined;

export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100; // the Linux USER_HZ on every mainstream architecture
    }
  }
  return ticksPerSecond;
}

/** CPU milliseconds used so far by every live process in the given groups. */
export function groupCpuMs(pgids: readonly number[]): number {
  const wanted = new Set(pgids);
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    let line: string;
    try {
      line = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited between readdir and read
    }
    const stat = parseProcStat(line);
    if (stat && wanted.has(stat.pgrp)) {
      ticks += stat.ticks;
    }
  }
  return (ticks * 1000) / clockTicksPerSecond();
}
