import type { SchedulePort, WorkstationSchedule } from '../../core/ports.js';
import type { DemoStore } from './DemoStore.js';

/** EventBridge Scheduler on the demo account: schedules are stored (the demo clock does not fire them). */
export class DemoSchedules implements SchedulePort {
  constructor(private readonly store: DemoStore) {}

  async listSchedules(region: string): Promise<WorkstationSchedule[]> {
    const state = await this.store.read();
    return state.operations.schedules.filter((s) => s.region === region).map((s) => ({ ...s }));
  }

  async putSchedule(schedule: WorkstationSchedule): Promise<void> {
    await this.store.update((state) => {
      const schedules = state.operations.schedules;
      const index = schedules.findIndex((s) => s.name === schedule.name && s.region === schedule.region);
      if (index >= 0) schedules[index] = { ...schedule };
      else schedules.push({ ...schedule });
    });
  }

  async deleteSchedule(region: string, name: string): Promise<void> {
    await this.store.update((state) => {
      state.operations.schedules = state.operations.schedules.filter(
        (s) => !(s.name === name && s.region === region),
      );
    });
  }
}
