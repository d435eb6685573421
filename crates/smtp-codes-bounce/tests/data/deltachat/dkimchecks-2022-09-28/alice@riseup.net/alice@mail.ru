Authentication-Results: mx1.riseup.net;
	dkim=pass (2048-bit key; unprotected) header.d=mail.ru header.i=@mail.ru header.a=rsa-sha256 header.s=mail4 header.b=YraBU3ek;
	dkim-atps=neutral
From: <alice@mail.ru>
To: bot <alice@riseup.net>
Authentication-Results: smtpng1.m.smailru.net; auth=pass smtp.auth=alice@mail.ru smtp.mailfrom=alice@mail.ru
