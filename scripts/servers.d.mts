import type { Server } from 'node:http';
export const ROOT: string;
export const SDK_BUNDLE: string;
export const SDK_URL: string;
export function serveFolder(dir: string): Promise<Server>;
export function buildApp(): Promise<void>;
export function buildSdkBundle(): Promise<void>;
export function startServers(): Promise<{ harnessUrl: string; appUrl: string; sdkPath: string; close(): Promise<void> }>;
