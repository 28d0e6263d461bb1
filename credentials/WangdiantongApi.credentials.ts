import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { signRequest } from '../nodes/Wangdiantong/transport/signRequest';
import { credentialTestRules, CREDENTIAL_TEST_LOGISTICS_LIST } from '../nodes/Wangdiantong/transport/credentialTest';

/**
 * Wangdiantong ERP 企业版 open API ("openapi2") account. Every request made with it is signed in
 * `authenticate`: sid, appkey and a fresh timestamp are added to the form body and the md5 sign is
 * computed over exactly the text that is sent. The app secret itself never leaves n8n.
 */
export class WangdiantongApi implements ICredentialType {
	name = 'wangdiantongApi';

	displayName = 'Wangdiantong (旺店通) ERP API';

	icon: Icon = { light: 'file:wangdiantong.svg', dark: 'file:wangdiantong.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-wangdiantong/n8n-nodes-wangdiantong#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Production (正式环境)',
					value: 'production',
					description: 'https://api.wangdian.cn/openapi2/',
				},
				{
					name: 'Sandbox (测试环境)',
					value: 'sandbox',
					description: 'https://sandbox.wangdian.cn/openapi2/',
				},
				{
					name: 'Custom Gateway',
					value: 'custom',
					description: 'Another host that serves the openapi2 gateway, or a local mock',
				},
			],
			default: 'production',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api.wangdian.cn/openapi2',
			hint: 'The gateway base: the API scripts such as logistics_sync_ack.php live directly under it',
			displayOptions: { show: { environment: ['custom'] } },
			required: true,
		},
		{
			displayName: 'Seller Account',
			name: 'sid',
			type: 'string',
			default: '',
			required: true,
			description: 'The ERP’s 卖家账号 (sid), assigned by Wangdiantong to the ERP buyer; ask your ERP administrator',
		},
		{
			displayName: 'App Key',
			name: 'appKey',
			type: 'string',
			default: '',
			required: true,
			description: 'The 接口账号 (appkey), from the open platform’s 自助对接 page where the interface account was requested',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The appsecret, issued with the appkey. Used only to sign requests; it is never sent.',
		},
	];

	/**
	 * Called by n8n for every request made with this credential, from our node or any other (n8n
	 * offers it in its own HTTP Request node too): whatever shape the request has, all of its
	 * parameters leave in one signed form body, or it is refused with the fix (signRequest.ts).
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signRequest(credentials, requestOptions, Date.now());
	}

	/**
	 * Acknowledges record 0, which cannot exist (record ids start at 1): a harmless call that every
	 * appkey able to use this package may make. The gateway checks identity first, so code 0 (with a
	 * per-record `记录不存在`) proves sid, appkey, secret and clock right; the rules name each fix.
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: 'logistics_sync_ack.php',
			body: { logistics_list: CREDENTIAL_TEST_LOGISTICS_LIST },
		},
		rules: credentialTestRules,
	};
}
