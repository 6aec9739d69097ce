import type { Plugin } from 'vite';
export function translationParts(): Plugin;
