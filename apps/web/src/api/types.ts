/**
 * The shapes the API returns, by the names the pages use: aliases onto the types generated
 * from the API's OpenAPI document (schema.d.ts, `npm run generate:api-types`). Nothing here is
 * written by hand, so a change on the server breaks the web typecheck, not a page at run time.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

export type Role = Schemas['Role'];
export type Account = Schemas['AccountViewDto'];
export type TokenPair = Schemas['TokenPairDto'];
export type ErrorBody = Schemas['ErrorResponseDto'];
export type ErrorDetail = Schemas['ErrorDetailDto'];

export type Pay = Schemas['PayViewDto'];
export type PayUnit = Schemas['PayUnit'];
export type RuleFinding = Schemas['RuleFindingDto'];
/** A published vacancy as anyone reads it. */
export type Vacancy = Schemas['VacancyViewDto'];
/** The employer's own view and staff's: with the review findings. */
export type ManagedVacancy = Schemas['VacancyManageViewDto'];
export type ReviewQueueItem = Schemas['ReviewQueueItemDto'];
export type VacancyPage = Schemas['VacancyPageDto'];
export type ManagedVacancyPage = Schemas['VacancyManagePageDto'];
export type ReviewQueuePage = Schemas['ReviewQueuePageDto'];
export type VacancyOptions = Schemas['VacancyOptionsDto'];
export type VacancySearchResult = Schemas['VacancySearchResultDto'];
export type SearchHit = Schemas['SearchHitDto'];
export type Suggestion = Schemas['SuggestionDto'];
export type ImportReport = Schemas['ImportReportDto'];

export type Place = Schemas['PlaceDto'];
export type RegionTree = Schemas['RegionTreeDto'];

export type Employer = Schemas['EmployerViewDto'];
export type MyEmployer = Schemas['MyEmployerDto'];
export type EmployerPage = Schemas['EmployerPageDto'];

export type Seeker = Schemas['SeekerViewDto'];
export type EducationEntry = Schemas['EducationDto'];
export type WorkEntry = Schemas['WorkEntryDto'];

export type ApplicationStatus = Schemas['ApplicationStatus'];
export type HistoryEntry = Schemas['ApplicationHistoryDto'];
export type Application = Schemas['ApplicationViewDto'];
export type Applicant = Schemas['ApplicantDto'];
export type ApplicantInbox = Schemas['ApplicantInboxDto'];

export type FailedJob = Schemas['FailedJobDto'];
export type FailedJobPage = Schemas['FailedJobPageDto'];

export type Fair = Schemas['FairViewDto'];
export type FairVacancy = Schemas['FairVacancyDto'];
export type Ticket = Schemas['TicketViewDto'];
export type Booth = Schemas['BoothViewDto'];
export type CheckIn = Schemas['CheckInViewDto'];
export type Intent = Schemas['IntentViewDto'];
export type FairNumbers = Schemas['FairLiveNumbersDto'];

/** GET /api/seekers/me/recommendations (为你推荐), each with why. */
export type SeekerRecommendations = Schemas['SeekerRecommendationsDto'];
/** GET /api/employer/vacancies/:id/recommended-seekers (推荐人才). */
export type TalentRecommendations = Schemas['TalentRecommendationsDto'];

export type VacancyHistory = Schemas['VacancyHistoryDto'];
export type Favourite = Schemas['FavouriteDto'];
export type PiiAccessEntry = Schemas['PiiAccessLogDto'];
export type Revealed = Schemas['RevealedDto'];
export type SeekerSummary = Schemas['SeekerSummaryDto'];
export type Indicator = Schemas['IndicatorValueDto'];
export type ReportText = Schemas['ReportTextDto'];

export type Notification = Schemas['NotificationDto'];
export type NotificationList = Schemas['NotificationListDto'];

/** Messages between seekers and recruiters (消息). */
export type MessageThread = Schemas['ThreadViewDto'];
export type ThreadWithMessages = Schemas['ThreadWithMessagesDto'];
export type Message = Schemas['MessageViewDto'];
export type QuickReply = Schemas['QuickReplyDto'];
export type UnreadCount = Schemas['UnreadCountDto'];
export type ReportCreated = Schemas['ReportCreatedDto'];
/** The recruiter inbox across all vacancies (招聘消息). */
export type RecruiterInbox = Schemas['InboxDto'];
export type RecruiterInboxCounts = Schemas['InboxCountsDto'];
export type VacancyInboxCounts = Schemas['VacancyInboxCountsDto'];
/** Staff moderation of reported threads and held messages. */
export type MessageReport = Schemas['ReportViewDto'];
export type MessageReportReason = Schemas['ReportReason'];
export type ReportedThread = Schemas['ReportedThreadDto'];
export type HeldMessage = Schemas['HeldMessageViewDto'];
export type ContactMode = Schemas['ContactMode'];
export type ContactOptions = Schemas['ContactOptionsDto'];
export type RevealedContact = Schemas['RevealedContactDto'];
/** Saved searches (职位订阅) and their daily digest. */
export type JobAlert = Schemas['JobAlertViewDto'];
export type JobAlertSuggestion = Schemas['JobAlertSuggestionDto'];
export type Unsubscribed = Schemas['UnsubscribedDto'];

/** 台账导入 (POST /api/staff/ledger-imports): counts per ledger and the bad rows. */
export type LedgerImportReport = Schemas['LedgerImportReportDto'];
export type LedgerCounts = Schemas['LedgerCountsDto'];
export type LedgerRowError = Schemas['LedgerRowErrorDto'];
export type PaperNotice = Schemas['PaperNoticeDto'];
/** 公益性岗位补贴 (GET /api/staff/public-welfare-subsidies). */
export type WelfareSubsidies = Schemas['SubsidyListDto'];
export type WelfareSubsidyLine = Schemas['SubsidyLineDto'];
export type DemoDataSummary = Schemas['DemoDataSummaryDto'];
