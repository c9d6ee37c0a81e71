import { SetMetadata } from '@nestjs/common';
import { JobName } from '@jipin/core';

export const JOB_HANDLER_KEY = 'jipin:job-handler';

/** Marks the method that runs one job. Exactly one per JobName. */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER_KEY, name);
