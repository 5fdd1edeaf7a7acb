import { HttpErrorResponse } from '@angular/common/http';
import { MonoTypeOperatorFunction, catchError, from, switchMap, throwError } from 'rxjs';

/** The error body every API error carries (contract: "Conventions"). */
export interface ApiErrorBody {
  statusCode: number;
  error?: string;
  message?: string | string[];
  code?: string;
  errors?: Record<string, string>;
}

export function apiErrorOf(err: unknown): ApiErrorBody | null {
  if (!(err instanceof HttpErrorResponse)) return null;
  const body = err.error as Partial<ApiErrorBody> | null;
  if (body && typeof body === 'object') return { ...body, statusCode: body.statusCode ?? err.status };
  return { statusCode: err.status };
}

export function errorCode(err: unknown): string | null {
  return apiErrorOf(err)?.code ?? null;
}

const CODE_MESSAGES: Record<string, string> = {
  VALIDATION_FAILED: '提交的信息有误，请检查标出的字段',
  UNAUTHENTICATED: '登录已过期，请重新登录',
  FORBIDDEN: '您无权执行此操作',
  PASSWORD_CHANGE_REQUIRED: '请先修改初始密码',
  NOT_FOUND: '未找到相关记录',
  ILLEGAL_TRANSITION: '案件当前状态不允许此操作，请刷新后查看',
  ALREADY_CLAIMED: '该案件已被其他调解员领取',
  VERSION_CONFLICT: '案件已被他人更新，请刷新后重试',
  DEADLINE_PASSED: '已超过法定期限，无法办理',
  WORKLOAD_CAP: '您的在办案件已达上限，请先办结部分案件',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
};

/** A sentence a user can act on; never a stack trace. */
export function friendlyError(err: unknown, fallback = '操作失败，请稍后再试'): string {
  const body = apiErrorOf(err);
  if (!body) return fallback;
  if (body.code && CODE_MESSAGES[body.code]) return CODE_MESSAGES[body.code];
  switch (body.statusCode) {
    case 0:
      return '无法连接服务器，请检查网络';
    case 400:
      return CODE_MESSAGES['VALIDATION_FAILED'];
    case 403:
      return CODE_MESSAGES['FORBIDDEN'];
    case 404:
      return CODE_MESSAGES['NOT_FOUND'];
    case 413:
      return '提交的内容过大';
    case 429:
      return CODE_MESSAGES['RATE_LIMITED'];
    default:
      return fallback;
  }
}

/**
 * A request with `responseType: 'blob'` (PDFs) gets its error body as a Blob too; this reads it back
 * into the usual error JSON so codes and field errors reach the form.
 */
export function readBlobErrors<T>(): MonoTypeOperatorFunction<T> {
  return catchError((err: unknown) => from(withJsonBody(err)).pipe(switchMap((parsed) => throwError(() => parsed))));
}

export async function withJsonBody(err: unknown): Promise<unknown> {
  if (!(err instanceof HttpErrorResponse) || !(err.error instanceof Blob)) return err;
  try {
    const body: unknown = JSON.parse(await err.error.text());
    return new HttpErrorResponse({
      error: body,
      headers: err.headers,
      status: err.status,
      statusText: err.statusText,
      url: err.url ?? undefined,
    });
  } catch {
    return err;
  }
}
