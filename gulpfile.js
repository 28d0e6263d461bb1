// Copies node and credential icons, and the node's codex (Wangdiantong.node.json), next to the
// compiled JavaScript: tsc only emits .js/.d.ts, but n8n resolves `icon: 'file:…'` and the codex
// relative to the compiled class file in dist/.
const { src, dest, task } = require('gulp');

task('build:icons', () =>
	src(
		[
			'nodes/**/*.svg',
			'nodes/**/*.png',
			'nodes/**/*.node.json',
			'credentials/**/*.svg',
			'credentials/**/*.png',
		],
		{ base: '.', encoding: false },
	).pipe(dest('dist')),
);
