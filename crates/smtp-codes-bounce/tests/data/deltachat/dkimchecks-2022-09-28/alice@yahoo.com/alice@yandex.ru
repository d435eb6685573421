Authentication-Results: atlas313.free.mail.bf1.yahoo.com;
 dkim=pass header.i=@yandex.ru header.s=mail;
 spf=pass smtp.mailfrom=yandex.ru;
 dmarc=pass(p=NONE) header.from=yandex.ru;
From: <alice@yandex.ru>
To: <alice@yahoo.com>
