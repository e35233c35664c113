export const supportedNodeMajors: readonly number[];
export function nodeBinaryFor(major: number): string;
