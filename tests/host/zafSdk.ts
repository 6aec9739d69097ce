// The npm package's copy of the ZAF SDK, bundled as the script Zendesk's CDN serves (window.ZAFClient).
import ZAFClient from 'zendesk_app_framework_sdk';

(window as unknown as { ZAFClient: unknown }).ZAFClient = ZAFClient;
