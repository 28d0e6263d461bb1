/**
 * Wall time, CPU time and peak resident memory of one scenario's work, in the scenario process.
 * The peak is sampled (every 20 ms, with the cheap rss() call) rather than read from the process's
 * lifetime maximum, so that a process can run several scenarios (the --quick mode does).
 */
export interface Measurement<T> {
	result: T;
	wallMs: number;
	cpuMs: number;
	/** Highest resident set size seen during the work, in MiB. */
	peakRssMb: number;
	/** Resident set size just before the work started, in MiB. */
	startRssMb: number;
}

const MB = 2 ** 20;

export async function measure<T>(work: () => Promise<T>): Promise<Measurement<T>> {
	(globalThis as { gc?: () => void }).gc?.();
	const startRss = process.memoryUsage.rss();
	let peakRss = startRss;
	const sampler = setInterval(() => {
		peakRss = Math.max(peakRss, process.memoryUsage.rss());
	}, 20);
	const cpuStart = process.cpuUsage();
	const start = performance.now();
	try {
		const result = await work();
		const wallMs = performance.now() - start;
		const cpu = process.cpuUsage(cpuStart);
		peakRss = Math.max(peakRss, process.memoryUsage.rss());
		return { result, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: peakRss / MB, startRssMb: startRss / MB };
	} finally {
		clearInterval(sampler);
	}
}
