import { ButtonLink } from "@/components/ui/button";

const points = [
  {
    title: "看清每一笔债",
    text: "把网贷、信用卡、亲友借款列在一张清单里，按实际到手金额和还款计划算出真实年化利率，对照 24%、36% 等法律红线。",
  },
  {
    title: "一步一步的计划",
    text: "根据收入和必要支出算出每月能还多少，先争取缓冲，再筹集资金，最后协商分期或减免，每个月还多少一目了然。",
  },
  {
    title: "面对催收有底气",
    text: "记录每一次沟通，保存通话录音和截图并生成指纹，识别违规催收，生成协商申请和投诉材料。",
  },
  {
    title: "有人陪你一起",
    text: "可以邀请债务顾问查看你的案件并给出建议，也可以把只读的进度链接分享给家人。随时可以收回。",
  },
];

export default function LandingPage() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:py-16">
      <section className="max-w-2xl">
        <p className="font-medium text-brand-700">网贷逾期了，先别慌</p>
        <h1 className="mt-2 text-3xl font-bold leading-tight text-slate-900 sm:text-4xl">
          上岸：理清债务，做好计划，守住底线
        </h1>
        <p className="mt-4 text-lg text-slate-700">
          上岸帮助网贷逾期的人看清自己欠了多少、每笔借款真实的成本有多高、每个月能还多少，
          并在面对违规催收时保留证据、依法维权。债务顾问可以在你授权后一起帮忙。
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <ButtonLink href="/sign-up">免费注册，开始整理</ButtonLink>
          <ButtonLink href="/sign-in" variant="secondary">
            已有账户，登录
          </ButtonLink>
        </div>
        <p className="mt-3 text-sm text-slate-600">你的数据只有你自己和你授权的人能看到。</p>
      </section>
      <ul className="mt-12 grid gap-4 sm:grid-cols-2">
        {points.map((p) => (
          <li key={p.title} className="rounded-xl border border-slate-200 bg-white p-5">
            <h2 className="text-lg font-semibold text-slate-900">{p.title}</h2>
            <p className="mt-2 text-slate-700">{p.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
