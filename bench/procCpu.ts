/**
 * The CPU a process spent within a time window, sampled from outside: `/proc/<pid>/stat`
 * (Linux) every 10 ms while it runs. Used by `bench:n8n` for the CPU of n8n's main process while
 * our node ran, between the node's own start and end as n8n records them: n8n's start-up, the
 * rest of the workflow and the task runner (another process) stay out.
 */
import { readFileSync } from 'node:fs';

/** Linux counts process time in clock ticks; 100 a second on every common build (getconf CLK_TCK). */
const MS_PER_TICK = 10;

interface Sample {
	atMs: number;
	cpuMs: number;
}

function cpuMsOf(pid: number): number | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// After "pid (command) ": state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
	} catch {
		return undefined; // not Linux, or the process is gone
	}
}

export class CpuSampler {
	private readonly samples: Sample[] = [];
	private readonly timer: NodeJS.Timeout;

	constructor(private readonly pid: number) {
		this.timer = setInterval(() => this.sample(), 10);
		this.sample();
	}

	private sample(): void {
		const cpuMs = cpuMsOf(this.pid);
		if (cpuMs !== undefined) this.samples.push({ atMs: Date.now(), cpuMs });
	}

	stop(): void {
		clearInterval(this.timer);
	}

	/** CPU ms spent between two instants (Date.now() clock), interpolated between samples; NaN when unknown. */
	between(fromMs: number, toMs: number): number {
		return this.at(toMs) - this.at(fromMs);
	}

	private at(ms: number): number {
		const after = this.samples.findIndex((s) => s.atMs >= ms);
		if (after <= 0) return NaN; // before the first sample or after the last one
		const [a, b] = [this.samples[after - 1], this.samples[after]];
		return a.cpuMs + ((b.cpuMs - a.cpuMs) * (ms - a.atMs)) / Math.max(1, b.atMs - a.atMs);
	}
}
