// The flags the app runs with, from `npm start` and from the bundle's shebang alike. A small young
// generation keeps a long bastion session's resident memory low (10,000 workstations in under
// 150 MB); the extra minor collections cost well under a millisecond each.
export const NODE_FLAGS = ['--max-semi-space-size=2'];
