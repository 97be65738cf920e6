import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFileOrSetAside } from '../fs/readJsonFileOrSetAside.js';
import { withFileLock } from '../fs/withFileLock.js';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import { lazySchema } from '../schema/lazySchema.js';
import { type Project, type ProjectBudget, projectBudgetSchema, projectSchema } from './Project.js';
import type { ProjectBudgetStore, ProjectStore } from './ProjectStore.js';

const fileSchema = lazySchema(() =>
  z.object({
    version: z.literal(1),
    projects: z.array(projectSchema),
    budgets: z.record(z.string(), projectBudgetSchema),
  }),
);
type ProjectFile = z.infer<typeof fileSchema>;

/**
 * Projects and their budgets in one JSON file in the state dir: validated on read (a broken file is
 * set aside, never overwritten unseen), changed under a lock and written atomically.
 */
export class FileProjectStore implements ProjectStore {
  private readonly path: string;
  /** Set when the file was unreadable and moved aside. */
  recoveredFrom: string | undefined;

  constructor(stateDir: string) {
    this.path = join(stateDir, 'projects.json');
  }

  private async read(): Promise<ProjectFile> {
    const read = await readJsonFileOrSetAside(this.path, fileSchema, `${this.path}.bak-${Date.now()}`);
    if (read.status === 'read') return read.data;
    if (read.status === 'set-aside')
      this.recoveredFrom = `the projects file was unreadable (${read.reason}); it was moved to ${read.backup}`;
    return { version: 1, projects: [], budgets: {} };
  }

  private change<T>(work: (file: ProjectFile) => T): Promise<T> {
    return withFileLock(`${this.path}.lock`, async () => {
      const file = await this.read();
      const result = work(file);
      await writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`, 0o600);
      return result;
    });
  }

  async list(): Promise<Project[]> {
    return (await this.read()).projects;
  }

  async get(name: string): Promise<Project | undefined> {
    return (await this.read()).projects.find((p) => p.name === name);
  }

  create(project: Project): Promise<boolean> {
    return this.change((file) => {
      if (file.projects.some((p) => p.name === project.name)) return false;
      file.projects.push(project);
      return true;
    });
  }

  update(name: string, change: (project: Project) => Project): Promise<Project | undefined> {
    return this.change((file) => {
      const index = file.projects.findIndex((p) => p.name === name);
      const current = file.projects[index];
      if (!current) return undefined;
      const next = projectSchema.parse(change(current));
      file.projects[index] = next;
      return next;
    });
  }

  delete(name: string): Promise<boolean> {
    return this.change((file) => {
      const before = file.projects.length;
      file.projects = file.projects.filter((p) => p.name !== name);
      delete file.budgets[name];
      return file.projects.length < before;
    });
  }

  /** The budgets, kept in the same file for now, behind their own interface. */
  budgets(): ProjectBudgetStore {
    return {
      get: async (project): Promise<ProjectBudget | undefined> => (await this.read()).budgets[project],
      set: (project, budget) =>
        this.change((file) => {
          if (budget) file.budgets[project] = projectBudgetSchema.parse(budget);
          else delete file.budgets[project];
        }),
    };
  }
}
