/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
	},
	reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
	// Workflow tests run real HTTP round trips through n8n's engine; a few take seconds.
	testTimeout: 30000,
};
