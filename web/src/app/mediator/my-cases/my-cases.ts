import { ChangeDetectionStrategy, Component } from '@angular/core';
import { CaseTable } from '../../cases/case-table/case-table';

/** 我的案件: the cases this mediator is working on. */
@Component({
  selector: 'app-my-cases',
  imports: [CaseTable],
  template: `
    <div class="page">
      <h1>我的案件</h1>
      <app-case-table fixedStatus="in_mediation" detailBase="/mediator/cases" caption="我正在调解的案件" />
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyCases {}
