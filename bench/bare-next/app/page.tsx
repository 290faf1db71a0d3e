export default function Page() {
  return (
    <main>
      <h1>上岸</h1>
      <p>一个空白的 Next.js 页面，用作性能对照。</p>
    </main>
  );
}
