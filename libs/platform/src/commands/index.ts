/** What the commands of every module are built on: a command on a resource, or on the department. */
export * from './resource-command';
