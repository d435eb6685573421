Authentication-Results: atlas104.aol.mail.bf1.yahoo.com;
 dkim=pass header.i=@mail.ru header.s=mail4;
 spf=pass smtp.mailfrom=mail.ru;
 dmarc=pass(p=REJECT) header.from=mail.ru;
From: <alice@mail.ru>
To: <alice@aol.com>
