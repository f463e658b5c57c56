import { benchDashboard } from './dashboard.js';
import { benchDelivery } from './delivery.js';
import { benchIntake } from './intake.js';

/** `npm run bench`: each figure printed beside the raw baseline it is measured against, in the same run. */
await benchIntake();
await benchDelivery();
await benchDashboard();
