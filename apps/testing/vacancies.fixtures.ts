import { HttpResponse, TestApi } from './test-api';
import { uniquePhone } from './accounts.fixtures';
import { TEST_TOWNSHIP } from './employers.fixtures';

/** A date n days from today, YYYY-MM-DD in China time. */
export function daysFromToday(n: number): string {
  return new Date(Date.now() + 8 * 3600 * 1000 + n * 86400 * 1000).toISOString().slice(0, 10);
}

/** A valid, honest vacancy body; override any field. */
export function vacancyBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '电子设备装配工',
    occupationCode: '6-25-04-01',
    description: '负责手机主板插件、焊接和装配，按作业指导书操作，有师傅带教。',
    requirements: '18-50周岁，身体健康，能适应两班倒',
    kind: 'regular',
    headcount: 20,
    pay: { min: 4000, max: 6500, unit: 'month' },
    education: 'junior_high',
    ageMin: 18,
    ageMax: 50,
    experienceYears: 0,
    welfareTags: ['五险一金', '包吃', '包住'],
    shiftPattern: 'two_shifts',
    townshipCode: TEST_TOWNSHIP,
    address: '吉水县城西工业园区1号',
    lat: 27.21,
    lng: 115.13,
    contactName: '李主管',
    contactPhone: uniquePhone(),
    startDate: daysFromToday(0),
    expiresAt: daysFromToday(60),
    targetKeyGroups: ['rural_labour'],
    ...overrides,
  };
}

/** Uploads one file as multipart/form-data (field "file"), the way a browser form does. */
export async function uploadFile(
  api: TestApi,
  path: string,
  file: Buffer,
  filename: string,
  token: string,
): Promise<HttpResponse> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), filename);
  const response = await fetch(api.baseUrl + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await response.text();
  const body =
    (response.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text;
  return { status: response.status, body, headers: response.headers };
}
