/** Resource → operation pairs: a misspelt operation in the router is a compile error. */
type NodeMap = {
	logisticsSync: 'acknowledge' | 'getPending';
	stockSync: 'acknowledge' | 'getChanges';
	trade: 'push';
	refund: 'push';
	goods: 'push';
	api: 'call';
};

export type WangdiantongType = {
	[R in keyof NodeMap]: { resource: R; operation: NodeMap[R] };
}[keyof NodeMap];
