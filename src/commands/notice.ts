export {};
/** The small dialog the ribbon command reports in: the text from the URL, and a close button. */
const text = new URLSearchParams(window.location.search).get("m") ?? "";
document.getElementById("message")!.textContent = text;
const lang = /^en\b/i.test(navigator.language) ? "en" : "vi";
const closeButton = document.getElementById("close") as HTMLButtonElement;
closeButton.textContent = lang === "en" ? "Close" : "Đóng";
Office.onReady(() => {
  closeButton.onclick = () => Office.context.ui.messageParent("close");
});
