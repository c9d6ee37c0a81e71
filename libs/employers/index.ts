export * from './employer-members.service';
export * from './employer-review.service';
export * from './employer-view';
export * from './employer.service';
export * from './employers.module';
export * from './entities/employer-history.entity';
export * from './entities/employer-member.entity';
export * from './entities/employer.entity';
