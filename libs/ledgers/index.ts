export * from './ledger-import.entity';
export * from './ledger-import.service';
export * from './ledger-report';
export * from './ledger-sheets';
export * from './ledger-template.service';
export * from './ledgers.module';
