import type { Project, ProjectBudget } from './Project.js';

/**
 * Where projects are kept. A local file for now (one machine); the lab's team store will
 * implement the same interface so that every member sees the same projects.
 */
export interface ProjectStore {
  list(): Promise<Project[]>;
  get(name: string): Promise<Project | undefined>;
  /** Creates the project; false when one with that name exists (nothing changed). */
  create(project: Project): Promise<boolean>;
  update(name: string, change: (project: Project) => Project): Promise<Project | undefined>;
  delete(name: string): Promise<boolean>;
}

/** Project budgets, kept apart from projects so that they can move to the lab budgets of the team store. */
export interface ProjectBudgetStore {
  get(project: string): Promise<ProjectBudget | undefined>;
  /** Sets the budget, or removes it with undefined. */
  set(project: string, budget: ProjectBudget | undefined): Promise<void>;
}
