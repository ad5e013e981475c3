# Bulgarian: the server's error messages and other texts the API answers with.
# Every id starts with "server-"; shared/src/i18n.rs says how the catalogue works.

## Every error answer.
server-internal = Възникна вътрешна грешка. Опитайте отново; ако се повтаря, съобщете на администратора.
server-closing = Сървърът спира и не приема промени.
server-log-unreachable = Базата данни на дневника не е достъпна в момента. Нищо не е загубено; опитайте отново след малко.
server-log-broken = Дневникът на събитията не премина проверката ({ $reason }); промени не се приемат.
server-log-out-of-range = Няма такава част от дневника: { $what }.
server-stale = Записът е променен междувременно от друг потребител (текуща версия { $actual }, очаквана версия { $expected }). Заредете го отново.
server-stale-any = Записът е променен междувременно от друг потребител (текуща версия { $actual }). Заредете го отново.
server-stale-new = Записът е променен междувременно от друг потребител (текуща версия { $actual }, очаквана нов запис). Заредете го отново.
server-duplicate-event = Събитие { $id } вече е записано на позиция { $position } в друга промяна.

## Sessions, passwords and the shape of requests.
server-log-in = Влезте в системата, за да продължите.
server-csrf = Заявката няма валиден защитен код (CSRF). Презаредете страницата и опитайте отново.
server-password-common = Тази парола е сред най-често използваните или съдържа потребителското име. Изберете друга.
server-password-missing = Въведете парола (до { $max } знака).
server-page-size = Размерът на страницата е от 1 до { $max }.
server-page-cursor = Неправилен курсор „after“: използвайте стойността „next“ от предишната страница.
server-bad-query = Неправилни параметри на заявката: { $detail }
server-bad-path = Неправилен адрес: { $detail }
server-json-content-type = Изпратете данните като JSON (Content-Type: application/json).
server-json-too-large = Данните са твърде големи: приложете до 3 файла, всеки до 2 MB.
server-body-stalled = Данните спряха да пристигат и връзката беше прекъсната. Опитайте отново.
server-bad-json = Данните в заявката не са във верния вид: { $detail }
