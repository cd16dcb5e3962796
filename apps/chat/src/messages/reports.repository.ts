import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { MongoRepository } from '@app/database';
import { Report } from './schemas/report.schema';

export type ReportDoc = Report & Record<string, unknown>;

/** `rocketchat_moderation_reports`, through this repository only. */
@Injectable()
export class ReportsRepository extends MongoRepository<ReportDoc> {
  constructor(@InjectModel(Report.name) model: Model<ReportDoc>) {
    super(model);
  }
}
