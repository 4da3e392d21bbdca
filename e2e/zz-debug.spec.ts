import { DEMO, signIn, test } from "./support";

test("debug overflow", async ({ page }) => {
  test.setTimeout(200_000);
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, DEMO.email, DEMO.password);
  await page.waitForTimeout(60_000);
  for (const path of ["/sleep", "/heart", "/activity", "/trends"]) {
    await page.goto(path);
    await page.waitForTimeout(2000);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > 376)
        .slice(0, 8)
        .map((el) => `${el.tagName}.${(el.getAttribute("class") ?? "").slice(0, 80)} right=${Math.round(el.getBoundingClientRect().right)} text=${(el.textContent ?? "").slice(0, 40)}`),
    );
    console.log(path, JSON.stringify(wide, null, 1));
  }
});
